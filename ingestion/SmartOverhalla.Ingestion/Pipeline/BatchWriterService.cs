using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SmartOverhalla.Influx;
using SmartOverhalla.Ingestion.Telemetry;

namespace SmartOverhalla.Ingestion.Pipeline;

/// <summary>
/// Reads the queue, gathers batches by size and by time, stores each batch (<see cref="BatchStore"/>)
/// and only then acknowledges its messages to the broker, in arrival order.
/// </summary>
internal sealed class BatchWriterService(
    IngestionQueue queue,
    BatchStore store,
    IInfluxSchemaInitializer schema,
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
            await EnsureSchemaAsync(stoppingToken);
            var reader = queue.Channel.Reader;
            var batch = new List<IngestItem>(_options.BatchSize);
            while (await reader.WaitToReadAsync(stoppingToken))
            {
                var started = timeProvider.GetTimestamp();
                await FillAsync(batch, stoppingToken);
                await StoreUntilDoneAsync(batch, stoppingToken);
                await AcknowledgeAsync(batch, stoppingToken);
                metrics.BatchStored(batch.Count(i => i.Point is not null), timeProvider.GetElapsedTime(started));
                batch.Clear();
            }

            queue.MarkDrained();
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
        using var window = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        window.CancelAfter(_options.BatchInterval);
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

    private async Task StoreUntilDoneAsync(List<IngestItem> batch, CancellationToken stoppingToken)
    {
        while (true)
        {
            try
            {
                await store.StoreAsync(batch, stoppingToken);
                return;
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
        await schema.EnsureDatabaseUntilReadyAsync(
            timeProvider, _options.WriteRetryDelay, _options.WriteRetryMaxDelay, (ex, _) => Log.SchemaRetry(logger, ex.Message), stoppingToken);
        Log.SchemaReady(logger, influxOptions.Value.Database);
    }
}
