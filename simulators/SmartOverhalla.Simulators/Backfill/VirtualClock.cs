namespace SmartOverhalla.Simulators.Backfill;

/// <summary>A clock the backfill sets to each reading's instant, so the live models compute history without waiting.</summary>
internal sealed class VirtualClock(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = start;

    public override DateTimeOffset GetUtcNow() => Now;
}
