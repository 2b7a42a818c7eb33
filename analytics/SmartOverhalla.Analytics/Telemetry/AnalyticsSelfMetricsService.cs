using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SmartOverhalla.Analytics.Jobs;
using SmartOverhalla.Influx;

namespace SmartOverhalla.Analytics.Telemetry;

/// <summary>
/// Every <see cref="AnalyticsOptions.SelfMetricsInterval"/>: writes this instance's heartbeat
/// (<c>platform_analytics_instance</c>) and each owned partition's progress (<c>platform_analytics</c>: how far behind
/// it is, its last run, failures) for the Plattform dashboard and the container health check. A failed write is logged
/// and skipped: self-metrics never hold up the jobs.
/// </summary>
internal sealed class AnalyticsSelfMetricsService(
    JobStatusBoard board,
    IEnumerable<IDerivedDataJob> jobs,
    IOptionsMonitor<JobScheduleOptions> schedules,
    PartitionAssignment assignment,
    IInfluxWriter writer,
    IOptions<AnalyticsOptions> options,
    TimeProvider timeProvider,
    ILogger<AnalyticsSelfMetricsService> logger) : BackgroundService
{
    public const string Measurement = "platform_analytics";
    public const string InstanceMeasurement = "platform_analytics_instance";

    private readonly Dictionary<string, IDerivedDataJob> _jobs = jobs.ToDictionary(j => j.Name, StringComparer.Ordinal);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SelfMetricsInterval, timeProvider);
        try
        {
            do
            {
                await WriteAsync(stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    /// <summary>The points of this moment (also used by tests).</summary>
    public IReadOnlyList<PointData> Points()
    {
        var now = timeProvider.GetUtcNow();
        var instance = options.Value.InstanceName;
        var snapshot = board.Snapshot();
        var points = new List<PointData>(snapshot.Count + 1)
        {
            PointData.Measurement(InstanceMeasurement)
                .Tag("instance", instance)
                .Field("instanceIndex", (long)assignment.InstanceIndex)
                .Field("instanceCount", (long)assignment.InstanceCount)
                .Field("partitions", (long)snapshot.Count)
                .Timestamp(now),
        };
        foreach (var (job, partition, status) in snapshot)
        {
            var point = PointData.Measurement(Measurement)
                .Tag("instance", instance)
                .Tag("job", job)
                .Tag("partition", partition)
                .Field("windowsComputed", status.WindowsComputed)
                .Field("pointsWritten", status.PointsWritten)
                .Field("failures", status.Failures)
                .Field("lastRunOk", status.LastRunSucceeded)
                .Field("lastRunDurationMs", status.LastRunDuration.TotalMilliseconds)
                .Field("lastError", status.LastError ?? string.Empty);
            if (status.LastRunAt is { } lastRun)
            {
                point.Field("lastRunAgeSeconds", (now - lastRun).TotalSeconds);
            }

            if (status.Watermark is { } watermark && _jobs.TryGetValue(job, out var definition))
            {
                var completedEnd = definition.Windows.CompletedEnd(now, schedules.Get(job).SettleDelay);
                point.Field("lagSeconds", (now - watermark).TotalSeconds)
                    .Field("windowsBehind", (long)definition.Windows.Behind(watermark, completedEnd))
                    .Field("watermark", watermark.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture));
            }

            points.Add(point.Timestamp(now));
        }

        return points;
    }

    private async Task WriteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await writer.WriteAsync(Points(), stoppingToken);
        }
        catch (InfluxException ex)
        {
            Log.SelfMetricsFailed(logger, ex.Message);
        }
    }
}
