namespace SmartOverhalla.Analytics.Jobs;

/// <summary>What one instance knows about one partition of one job since it started: for self-metrics and logs.</summary>
/// <param name="Watermark">Computed up to here (null before the first read of the store).</param>
/// <param name="LastRunAt">When the last run of the partition started.</param>
/// <param name="LastRunDuration">How long it took.</param>
/// <param name="LastRunSucceeded">Whether it ended without an error.</param>
/// <param name="WindowsComputed">Windows computed since start.</param>
/// <param name="PointsWritten">Derived points written since start.</param>
/// <param name="Failures">Runs that ended with an error since start.</param>
/// <param name="LastError">The last error's message, for the dashboard (never personal data: messages are ours).</param>
internal sealed record JobPartitionStatus(
    DateTimeOffset? Watermark,
    DateTimeOffset? LastRunAt,
    TimeSpan LastRunDuration,
    bool LastRunSucceeded,
    long WindowsComputed,
    long PointsWritten,
    long Failures,
    string? LastError)
{
    public static JobPartitionStatus New { get; } = new(null, null, TimeSpan.Zero, true, 0, 0, 0, null);
}
