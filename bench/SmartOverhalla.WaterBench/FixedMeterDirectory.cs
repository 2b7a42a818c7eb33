using SmartOverhalla.Analytics.Water.Directory;

namespace SmartOverhalla.WaterBench;

/// <summary>The bench's meters in place of the gateway's directory (what the gateway would answer; the jobs read it the same way).</summary>
internal sealed class FixedMeterDirectory(MeterDirectorySnapshot snapshot) : IMeterDirectory
{
    public MeterDirectorySnapshot Current => snapshot;

    public Task<MeterDirectorySnapshot> GetAsync(CancellationToken cancellationToken) => Task.FromResult(snapshot);
}
