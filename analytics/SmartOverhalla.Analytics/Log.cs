using Microsoft.Extensions.Logging;

namespace SmartOverhalla.Analytics;

/// <summary>The analytics host's log catalogue (event ids 5000–5099; its jobs use 5100–5199). Instants in ISO 8601 UTC.</summary>
internal static partial class Log
{
    [LoggerMessage(5001, LogLevel.Information, "Analytics instance {Instance} ({Index} of {Count}) runs {Jobs}")]
    public static partial void Started(ILogger logger, string instance, int index, int count, string jobs);

    [LoggerMessage(5002, LogLevel.Information, "Job {Job} is off (Analytics:Jobs:{Job}:Enabled is false)")]
    public static partial void JobOff(ILogger logger, string job);

    [LoggerMessage(5003, LogLevel.Information, "Job {Job}: this instance owns {Owned} of {Partitions} partitions: {OwnedList}")]
    public static partial void PartitionsOwned(ILogger logger, string job, int owned, int partitions, string ownedList);

    [LoggerMessage(5004, LogLevel.Debug, "Job {Job}/{Partition}: watermark {Watermark:O}, computing windows from {From:O} to {To:O}")]
    public static partial void PartitionRun(ILogger logger, string job, string partition, DateTimeOffset watermark, DateTimeOffset from, DateTimeOffset to);

    [LoggerMessage(5005, LogLevel.Information, "Job {Job}/{Partition}: window {Start:O} to {End:O} computed from {Inputs} inputs, {Points} points written")]
    public static partial void WindowComputed(ILogger logger, string job, string partition, DateTimeOffset start, DateTimeOffset end, int inputs, int points);

    [LoggerMessage(5013, LogLevel.Debug, "Job {Job}/{Partition}: window {Start:O} to {End:O} had no inputs")]
    public static partial void WindowEmpty(ILogger logger, string job, string partition, DateTimeOffset start, DateTimeOffset end);

    [LoggerMessage(5006, LogLevel.Warning, "Job {Job}/{Partition} stopped at its watermark {Watermark:O} ({Reason}); the next run goes on from there")]
    public static partial void PartitionFailed(ILogger logger, string job, string partition, string reason, DateTimeOffset watermark);

    [LoggerMessage(5007, LogLevel.Error, "Job {Job}/{Partition} failed at its watermark {Watermark:O}; the next run goes on from there")]
    public static partial void PartitionError(ILogger logger, Exception exception, string job, string partition, DateTimeOffset watermark);

    [LoggerMessage(5008, LogLevel.Warning, "Job {Job}: watermarks could not be read ({Reason}); trying again at the next run")]
    public static partial void WatermarksUnavailable(ILogger logger, string job, string reason);

    [LoggerMessage(5009, LogLevel.Error, "Job {Job}: the run failed; trying again in {Interval}")]
    public static partial void RunError(ILogger logger, Exception exception, string job, TimeSpan interval);

    [LoggerMessage(5010, LogLevel.Warning, "Self-metrics not written: {Reason}")]
    public static partial void SelfMetricsFailed(ILogger logger, string reason);

    [LoggerMessage(5011, LogLevel.Information, "Job {Job}/{Partition} resumes at its watermark {Watermark:O}")]
    public static partial void Resuming(ILogger logger, string job, string partition, DateTimeOffset watermark);

    [LoggerMessage(5014, LogLevel.Warning, "Job {Job} did not run: {Reason}; trying again in {Interval}")]
    public static partial void InputUnavailable(ILogger logger, string job, string reason, TimeSpan interval);

    [LoggerMessage(5012, LogLevel.Debug, "{Count} alert reports sent to the gateway at {Host}; {Changed} changed an alert")]
    public static partial void AlertsReported(ILogger logger, int count, string host, int changed);
}
