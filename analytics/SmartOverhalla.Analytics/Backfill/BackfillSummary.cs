namespace SmartOverhalla.Analytics.Backfill;

/// <summary>What a backfill did, per job, and the first failures.</summary>
internal sealed record BackfillSummary(IReadOnlyList<BackfillJobSummary> Jobs, TimeSpan Elapsed, IReadOnlyList<string> Failures)
{
    public int Computed => Jobs.Sum(j => j.Computed);

    public int Failed => Jobs.Sum(j => j.Failed);

    public long PointsWritten => Jobs.Sum(j => j.PointsWritten);
}
