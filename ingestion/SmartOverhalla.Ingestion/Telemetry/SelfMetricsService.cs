using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SmartOverhalla.Contracts.Topics;
using SmartOverhalla.Influx;
using SmartOverhalla.Ingestion.Pipeline;

namespace SmartOverhalla.Ingestion.Telemetry;

/// <summary>
/// Every <see cref="IngestionOptions.SelfMetricsInterval"/>: writes the worker's counters to InfluxDB
/// (measurement <c>platform_ingestion</c>, totals since start, for the platform dashboard) and logs a
/// one-line summary. A failed write is logged and skipped: self-metrics never hold up telemetry.
/// </summary>
internal sealed class SelfMetricsService(
    IngestionMetrics metrics,
    DeviceOnlineTracker onlineTracker,
    IngestionQueue queue,
    IInfluxWriter writer,
    IOptions<IngestionOptions> options,
    TimeProvider timeProvider,
    ILogger<SelfMetricsService> logger) : BackgroundService
{
    private readonly IngestionOptions _options = options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(_options.SelfMetricsInterval, timeProvider);
        var lastReceived = metrics.Received;
        var lastTick = timeProvider.GetTimestamp();
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                var received = metrics.Received;
                var elapsed = timeProvider.GetElapsedTime(lastTick);
                lastTick = timeProvider.GetTimestamp();
                var rate = elapsed > TimeSpan.Zero ? (received - lastReceived) / elapsed.TotalSeconds : 0;
                lastReceived = received;

                var online = onlineTracker.OnlineByKind();
                Log.Summary(
                    logger,
                    online.Values.Sum(),
                    online.GetValueOrDefault(DeviceKind.Streetlight),
                    online.GetValueOrDefault(DeviceKind.Watermeter),
                    online.GetValueOrDefault(DeviceKind.Plough),
                    rate,
                    metrics.Written,
                    metrics.Rejected);
                await WriteAsync(rate, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private async Task WriteAsync(double rate, CancellationToken stoppingToken)
    {
        var point = PointData.Measurement(Measurements.SelfMetrics)
            .Tag("instance", _options.InstanceName)
            .Field("received", metrics.Received)
            .Field("written", metrics.Written)
            .Field("rejected", metrics.Rejected)
            .Field("writeFailures", metrics.WriteFailures)
            .Field("batches", metrics.Batches)
            .Field("batchLatencyMs", metrics.LastBatchLatency.TotalMilliseconds)
            .Field("messagesPerSecond", rate)
            .Field("queueDepth", (long)queue.Channel.Reader.Count)
            .Timestamp(timeProvider.GetUtcNow());
        try
        {
            await writer.WriteAsync([point], stoppingToken);
        }
        catch (InfluxException ex)
        {
            Log.SelfMetricsFailed(logger, ex.Message);
        }
    }
}
