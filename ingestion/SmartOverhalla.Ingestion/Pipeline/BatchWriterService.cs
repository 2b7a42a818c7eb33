using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SmartOverhalla.Influx;
using SmartOverhalla.Ingestion.Telemetry;

namespace SmartOverhalla.Ingestion.Pipeline;

/// <summary>
/// Reads the queue, gathers batches by size and by time, stores each batch (<see cref="BatchStore"/>: in
/// InfluxDB or the spool) and only then acknowledges its messages to the broker, in arrival order. Sets up
/// the InfluxDB schema alongside; until it is in place, batches go to the spool.
/// </summary>
internal sealed class BatchWriterService(
    IngestionQueue queue,
    BatchStore store,
    IInfluxSchemaInitializer schema,
    InfluxSchemaReadiness readiness,
    IOptions<IngestionOptions> options,
    IOptions<InfluxOptions> influxOptions,
    IngestionMetrics metrics,
    TimeProvider timeProvider,
    ILogger<BatchWriterService> logger) : BackgroundService
{
    private readonly IngestionOptions _options = options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var schemaSetUp = EnsureSchemaAsync(stoppingToken);
            await readiness.FirstAttempt.WaitAsync(stoppingToken);
            var reader = queue.Channel.Reader;
            var batch = new List<IngestItem>(_options.BatchSize);
            while (await reader.WaitToReadAsync(stoppingToken))
            {
                var started = timeProvider.GetTimestamp();
                await FillAsync(batch, stoppingToken);
                var spooled = await StoreUntilDoneAsync(batch, stoppingToken);
                await AcknowledgeAsync(batch, stoppingToken);
                metrics.BatchStored(spooled ? 0 : batch.Count(i => i.Point is not null), timeProvider.GetElapsedTime(started));
                batch.Clear();
            }

            queue.MarkDrained();
            await schemaSetUp;
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: whatever was not acknowledged is re-delivered by the broker.
        }
    }

    /// <summary>Takes what is queued, up to the batch size, waiting at most the batch interval for more.</summary>
    private async Task FillAsync(List<IngestItem> batch, CancellationToken stoppingToken)
    {
        var reader = queue.Channel.Reader;
        // The interval runs on the injected clock, as every other wait here does (house style: nothing reads the wall clock).
        using var interval = new CancellationTokenSource(_options.BatchInterval, timeProvider);
        using var window = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, interval.Token);
        while (batch.Count < _options.BatchSize)
        {
            if (reader.TryRead(out var item))
            {
                batch.Add(item);
                continue;
            }

            try
            {
                if (!await reader.WaitToReadAsync(window.Token))
                {
                    return; // Completed: store what there is.
                }
            }
            catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
            {
                return; // The batch interval is over.
            }
        }
    }

    private async Task<bool> StoreUntilDoneAsync(List<IngestItem> batch, CancellationToken stoppingToken)
    {
        while (true)
        {
            try
            {
                return await store.StoreAsync(batch, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A bug or an unforeseen failure must not lose the batch or stop the worker.
                Log.BatchLoopFailed(logger, ex);
                await Task.Delay(_options.WriteRetryMaxDelay, timeProvider, stoppingToken);
            }
        }
    }

    private async Task AcknowledgeAsync(List<IngestItem> batch, CancellationToken stoppingToken)
    {
        foreach (var item in batch)
        {
            try
            {
                await item.Receipt.AcknowledgeAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Log.AcknowledgeFailed(logger, ex.Message);
            }
        }
    }

    private async Task EnsureSchemaAsync(CancellationToken stoppingToken)
    {
        try
        {
            await schema.EnsureDatabaseUntilReadyAsync(
                timeProvider,
                _options.WriteRetryDelay,
                _options.WriteRetryMaxDelay,
                (ex, _) =>
                {
                    Log.SchemaRetry(logger, ex.Message);
                    readiness.MarkAttemptFailed();
                },
                stoppingToken);
            readiness.MarkReady();
            Log.SchemaReady(logger, influxOptions.Value.Database);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping before InfluxDB was reachable.
        }
    }
}
