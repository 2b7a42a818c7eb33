namespace SmartOverhalla.Analytics.Jobs;

/// <summary>
/// A derived-data job (house-style.md, "Derived data"): for one partition and one window it reads raw series from
/// InfluxDB, computes with a domain library and writes derived series. It must be idempotent: running a window again
/// writes the same points (deterministic timestamps), overwriting instead of adding. The <see cref="JobRunner"/> decides
/// which windows run (watermark, trailing window, backfill); the job only computes one.
/// </summary>
internal interface IDerivedDataJob
{
    /// <summary>Stable name: the <c>job</c> tag of the watermark and self-metrics series, and the backfill's <c>--job</c>.</summary>
    string Name { get; }

    /// <summary>How the job cuts event time into windows.</summary>
    IJobWindows Windows { get; }

    /// <summary>
    /// The job's partitions, the units the analytics instances split between them (e.g. lighting zones). Every instance
    /// must see the same list (same configuration), so each partition has exactly one owner.
    /// </summary>
    IReadOnlyList<string> Partitions();

    /// <summary>
    /// Brings <see cref="Partitions"/> (and whatever else the job learns from outside) up to date before a run or a
    /// backfill: the water jobs fetch their meter directory from the gateway here. Throws
    /// <see cref="JobInputUnavailableException"/> when that cannot be done; the run is then tried again at the next
    /// interval, with no watermark advanced. Default: nothing to refresh (the lighting zones file reloads itself).
    /// </summary>
    Task RefreshAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Computes and writes <paramref name="window"/> of <paramref name="partition"/>.</summary>
    Task<JobWindowResult> RunAsync(string partition, JobWindow window, CancellationToken cancellationToken);
}
