using System.Diagnostics.Metrics;

namespace SmartOverhalla.Ingestion.Telemetry;

/// <summary>
/// The worker's own counters: exported through <see cref="System.Diagnostics.Metrics"/> (meter
/// <c>SmartOverhalla.Ingestion</c>) and kept as totals for the self-metrics series and the summary line.
/// </summary>
public sealed class IngestionMetrics : IDisposable
{
    public const string MeterName = "SmartOverhalla.Ingestion";

    private readonly Meter _meter;
    private readonly Counter<long> _received;
    private readonly Counter<long> _written;
    private readonly Counter<long> _rejected;
    private readonly Counter<long> _writeFailures;
    private readonly Histogram<double> _batchLatency;
    private readonly Counter<long> _spooled;
    private readonly Counter<long> _replayed;
    private long _receivedTotal;
    private long _writtenTotal;
    private long _rejectedTotal;
    private long _writeFailuresTotal;
    private long _batchesTotal;
    private long _lastBatchLatencyTicks;

    public IngestionMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        _meter = meterFactory.Create(MeterName);
        _received = _meter.CreateCounter<long>("smartoverhalla.ingestion.received", "{message}", "Messages received from the broker");
        _written = _meter.CreateCounter<long>("smartoverhalla.ingestion.written", "{point}", "Points durably written to InfluxDB");
        _rejected = _meter.CreateCounter<long>("smartoverhalla.ingestion.rejected", "{message}", "Messages rejected by validation or storage");
        _writeFailures = _meter.CreateCounter<long>("smartoverhalla.ingestion.write_failures", "{request}", "Failed InfluxDB write attempts");
        _spooled = _meter.CreateCounter<long>("smartoverhalla.ingestion.spooled", "{point}", "Points appended to the local spool while InfluxDB was unreachable");
        _replayed = _meter.CreateCounter<long>("smartoverhalla.ingestion.replayed", "{point}", "Spooled points replayed into InfluxDB");
        _batchLatency = _meter.CreateHistogram<double>("smartoverhalla.ingestion.batch_latency", "ms", "From the first message of a batch received to the batch stored and acknowledged");
    }

    public long Received => Interlocked.Read(ref _receivedTotal);

    public long Written => Interlocked.Read(ref _writtenTotal);

    public long Rejected => Interlocked.Read(ref _rejectedTotal);

    public long WriteFailures => Interlocked.Read(ref _writeFailuresTotal);

    public long Batches => Interlocked.Read(ref _batchesTotal);

    public TimeSpan LastBatchLatency => TimeSpan.FromTicks(Interlocked.Read(ref _lastBatchLatencyTicks));

    public void MessageReceived()
    {
        Interlocked.Increment(ref _receivedTotal);
        _received.Add(1);
    }

    public void Rejection(string reason)
    {
        Interlocked.Increment(ref _rejectedTotal);
        _rejected.Add(1, new KeyValuePair<string, object?>("reason", reason));
    }

    public void WriteFailed()
    {
        Interlocked.Increment(ref _writeFailuresTotal);
        _writeFailures.Add(1);
    }

    public void BatchStored(int points, TimeSpan latency)
    {
        Interlocked.Add(ref _writtenTotal, points);
        Interlocked.Increment(ref _batchesTotal);
        Interlocked.Exchange(ref _lastBatchLatencyTicks, latency.Ticks);
        _written.Add(points);
        _batchLatency.Record(latency.TotalMilliseconds);
    }

    /// <summary>A batch went to the spool: durable and acknowledged, not yet in InfluxDB.</summary>
    public void BatchSpooled(int points) => _spooled.Add(points);

    /// <summary>A spooled batch reached InfluxDB: its points count as written now.</summary>
    public void BatchReplayed(int points)
    {
        Interlocked.Add(ref _writtenTotal, points);
        _written.Add(points);
        _replayed.Add(points);
    }

    public void Dispose() => _meter.Dispose();
}
