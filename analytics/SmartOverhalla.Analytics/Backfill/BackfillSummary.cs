namespace SmartOverhalla.Analytics.Backfill;

/// <summary>What a backfill did, per job, and the first failures.</summary>
/// <param name="Stopped">Ctrl-C or SIGTERM ended it before every window was done.</param>
internal sealed record BackfillSummary(IReadOnlyList<BackfillJobSummary> Jobs, TimeSpan Elapsed, IReadOnlyList<string> Failures, bool Stopped = false)
{
    public int Computed => Jobs.Sum(j => j.Computed);

    public int Failed => Jobs.Sum(j => j.Failed);

    public long PointsWritten => Jobs.Sum(j => j.PointsWritten);
}
