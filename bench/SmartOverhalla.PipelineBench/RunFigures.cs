namespace SmartOverhalla.PipelineBench;

/// <summary>
/// One run of one scenario: sustained throughput (messages over the time from the first publish to the last message
/// received or stored), how many arrived, and the consumer's and the broker's CPU and peak memory (null where the
/// scenario has no such process).
/// </summary>
internal sealed record RunFigures(
    double MessagesPerSecond,
    long Arrived,
    int Expected,
    PublisherResult Publisher,
    ProcessSample? Consumer = null,
    ProcessSample? Broker = null,
    ProcessSample? Database = null)
{
    /// <summary>Share of the machine's CPU time the hypervisor gave to other guests during the run.</summary>
    public double Steal { get; init; }

    public double? ConsumerMicrosecondsPerMessage => Consumer is { } c ? c.Cpu.TotalMicroseconds / Expected : null;

    public double? DatabaseMicrosecondsPerMessage => Database is { } d ? d.Cpu.TotalMicroseconds / Expected : null;

    public double PublisherMicrosecondsPerMessage => Publisher.CpuSeconds * 1e6 / Expected;

    public double? BrokerMicrosecondsPerMessage => Broker is { } b ? b.Cpu.TotalMicroseconds / Expected : null;
}
