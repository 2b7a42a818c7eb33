using System.ComponentModel.DataAnnotations;

namespace SmartOverhalla.Analytics.Jobs;

/// <summary>
/// When a job runs and which windows it computes; one named instance per job (the job's name), bound from
/// <c>Analytics:Jobs:{Job}</c>. Each job registers its own defaults (<see cref="JobRegistration"/>).
/// </summary>
internal sealed class JobScheduleOptions
{
    /// <summary>Whether the scheduler runs the job (a backfill may run a disabled job).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often the job looks for completed windows and recomputes its trailing window.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long after a window's end it is left for late telemetry (ingestion's batches, retries) before it counts as completed.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "7.00:00:00")]
    public TimeSpan SettleDelay { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// How far behind its watermark the job recomputes at every run, so data that arrives late (radio networks,
    /// a spool replayed after an outage, re-delivered messages) is counted: event-time processing with allowed lateness.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "400.00:00:00")]
    public TimeSpan TrailingWindow { get; set; } = TimeSpan.FromDays(2);

    /// <summary>Where a partition without a watermark (a new job, a new zone) starts: this long before now.</summary>
    [Range(typeof(TimeSpan), "01:00:00", "400.00:00:00")]
    public TimeSpan InitialLookback { get; set; } = TimeSpan.FromDays(7);
}
