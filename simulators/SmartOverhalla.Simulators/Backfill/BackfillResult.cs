namespace SmartOverhalla.Simulators.Backfill;

/// <summary>What a backfill wrote: points, meters, and how long it took.</summary>
internal sealed record BackfillResult(long Points, int Meters, TimeSpan Elapsed);
