namespace SmartOverhalla.Analytics.Backfill;

/// <summary>One job's part of a backfill.</summary>
internal sealed record BackfillJobSummary(string Job, int Partitions, int Windows, int Computed, int Failed, int Skipped, long Inputs, long PointsWritten);
