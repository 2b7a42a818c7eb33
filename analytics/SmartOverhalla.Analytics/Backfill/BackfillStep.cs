using SmartOverhalla.Analytics.Jobs;

namespace SmartOverhalla.Analytics.Backfill;

/// <summary>One window of one partition of one job, done (or failed) during a backfill.</summary>
/// <param name="Number">1-based position among <paramref name="Total"/> steps.</param>
/// <param name="Error">Why it failed; null when it was computed.</param>
internal sealed record BackfillStep(int Number, int Total, string Job, string Partition, JobWindow Window, JobWindowResult Result, TimeSpan Elapsed, string? Error);
