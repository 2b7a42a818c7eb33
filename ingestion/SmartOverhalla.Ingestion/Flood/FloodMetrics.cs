using System.Diagnostics.Metrics;

namespace SmartOverhalla.Ingestion.Flood;

/// <summary>Flood counters (meter <see cref="MeterName"/>), kept as totals too for tests and the summary.</summary>
public sealed class FloodMetrics : IDisposable
{
    public const string MeterName = "SmartOverhalla.Ingestion.Flood";

    private readonly Meter _meter;
    private readonly Counter<long> _episodes;
    private readonly Counter<long> _overBudget;
    private long _episodesTotal;
    private long _overBudgetTotal;
    private long _floodingNow;

    public FloodMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        _meter = meterFactory.Create(MeterName);
        _episodes = _meter.CreateCounter<long>("smartoverhalla.ingestion.flood.episodes", "{episode}", "Times a device went over its message budget");
        _overBudget = _meter.CreateCounter<long>("smartoverhalla.ingestion.flood.messages", "{message}", "Messages received over a device's budget");
        _meter.CreateObservableUpDownCounter("smartoverhalla.ingestion.flood.devices", () => FloodingNow, "{device}", "Devices flooding now");
    }

    public long EpisodesTotal => Interlocked.Read(ref _episodesTotal);

    public long OverBudgetTotal => Interlocked.Read(ref _overBudgetTotal);

    public long FloodingNow => Interlocked.Read(ref _floodingNow);

    internal void EpisodeStarted()
    {
        Interlocked.Increment(ref _episodesTotal);
        Interlocked.Increment(ref _floodingNow);
        _episodes.Add(1);
    }

    internal void EpisodeEnded() => Interlocked.Decrement(ref _floodingNow);

    internal void OverBudget()
    {
        Interlocked.Increment(ref _overBudgetTotal);
        _overBudget.Add(1);
    }

    public void Dispose() => _meter.Dispose();
}
