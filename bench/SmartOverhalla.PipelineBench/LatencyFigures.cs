namespace SmartOverhalla.PipelineBench;

/// <summary>Publish-to-queryable latency of one paced run, over every message of the probe devices.</summary>
internal sealed record LatencyFigures(int Rate, int Messages, int Samples, TimeSpan P50, TimeSpan P99, TimeSpan Max, long Stored, ProcessSample Worker)
{
    public double WorkerMicrosecondsPerMessage => Worker.Cpu.TotalMicroseconds / Messages;
}
