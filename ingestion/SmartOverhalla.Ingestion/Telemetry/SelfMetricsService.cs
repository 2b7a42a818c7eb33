using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SmartOverhalla.Contracts.Topics;
using SmartOverhalla.Influx;
using SmartOverhalla.Ingestion.Pipeline;
using SmartOverhalla.Ingestion.Spool;

namespace SmartOverhalla.Ingestion.Telemetry;

/// <summary>
/// Every <see cref="IngestionOptions.SelfMetricsInterval"/>: writes the worker's counters to InfluxDB
/// (measurement <c>platform_ingestion</c>, totals since start, for the platform dashboard) and logs a
/// one-line summary, both with the spool's fill and state. A failed write is logged and skipped (it is not
/// spooled): self-metrics never hold up telemetry.
/// </summary>
internal sealed class SelfMetricsService(
    IngestionMetrics metrics,
    DeviceOnlineTracker onlineTracker,
    IngestionQueue queue,
    BatchSpool spool,
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
                var spooled = spool.Status();
                Log.Summary(
                    logger,
                    online.Values.Sum(),
                    online.GetValueOrDefault(DeviceKind.Streetlight),
                    online.GetValueOrDefault(DeviceKind.Watermeter),
                    online.GetValueOrDefault(DeviceKind.Plough),
                    rate,
                    metrics.Written,
                    metrics.Rejected,
                    spooled.State,
                    spooled.Records,
                    spooled.Bytes);
                await WriteAsync(rate, spooled, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private async Task WriteAsync(double rate, SpoolStatus spooled, CancellationToken stoppingToken)
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
            .Field("spoolState", spooled.State.ToString())
            .Field("spoolBytes", spooled.Bytes)
            .Field("spoolRecords", spooled.Records)
            .Field("spoolPoints", spooled.Points)
            .Field("spoolFillRatio", spooled.FillRatio)
            .Field("spoolAlarms", spooled.Alarms)
            .Field("spooledBatches", spooled.AppendedBatches)
            .Field("spooledPoints", spooled.AppendedPoints)
            .Field("replayedBatches", spooled.ReplayedBatches)
            .Field("replayedPoints", spooled.ReplayedPoints)
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
