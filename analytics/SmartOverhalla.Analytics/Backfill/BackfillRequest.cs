namespace SmartOverhalla.Analytics.Backfill;

/// <summary>What to compute again: jobs (empty: every job), local dates from and to (both included), partitions (empty: all).</summary>
internal sealed record BackfillRequest(IReadOnlyList<string> Jobs, DateOnly From, DateOnly To, IReadOnlyList<string> Partitions);
