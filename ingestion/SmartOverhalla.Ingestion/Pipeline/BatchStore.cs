using System.Buffers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Registry;
using SmartOverhalla.Contracts.Validation;
using SmartOverhalla.Influx;
using SmartOverhalla.Ingestion.Mqtt;
using SmartOverhalla.Ingestion.Spool;
using SmartOverhalla.Ingestion.Telemetry;

namespace SmartOverhalla.Ingestion.Pipeline;

/// <summary>
/// Stores one batch durably — the valid messages' points and one reject point per refused message — in
/// InfluxDB (pipeline <see cref="InfluxWritePipeline"/>), or, when InfluxDB is unreachable, in the local
/// spool (<see cref="BatchSpool"/>). While the spool holds batches, new ones are appended behind them, so
/// replay keeps every series in order. When InfluxDB refuses the batch itself (e.g. a field type conflict),
/// the points are written one by one and only the refused ones become rejects. When neither InfluxDB nor
/// the spool takes the batch (spool full, disk error), it waits and tries again: it is not acknowledged
/// meanwhile, so the broker keeps the messages. Points go into the retention policy their measurement is routed to
/// (<see cref="InfluxRetentionRouting"/>: the writer splits a batch by policy, and a spooled batch keeps each point's
/// policy in its record, <see cref="SpoolPayload"/>); rejects stay in the default policy.
/// </summary>
internal sealed class BatchStore(
    IInfluxWriter writer,
    InfluxRetentionRouting routing,
    RejectPointFactory rejectPoints,
    DeadLetterPublisher deadLetters,
    ResiliencePipelineProvider<string> pipelines,
    BatchSpool spool,
    InfluxSchemaReadiness schema,
    IOptions<IngestionOptions> options,
    IOptions<SpoolOptions> spoolOptions,
    IngestionMetrics metrics,
    TimeProvider timeProvider,
    ILogger<BatchStore> logger)
{
    private readonly ResiliencePipeline _pipeline = pipelines.GetPipeline(InfluxWritePipeline.Key);
    private readonly string _instance = options.Value.InstanceName;
    private readonly TimeSpan _fullRetryDelay = spoolOptions.Value.FullRetryDelay;

    /// <summary>Stores the batch; true when it went to the spool rather than to InfluxDB.</summary>
    public async Task<bool> StoreAsync(IReadOnlyList<IngestItem> batch, CancellationToken cancellationToken)
    {
        var points = new List<PointData>(batch.Count);
        var rejects = new List<RejectedMessage>();
        foreach (var item in batch)
        {
            if (item.Point is { } point)
            {
                points.Add(point);
            }
            else if (item.Rejected is { } rejected)
            {
                rejects.Add(rejected);
                points.Add(rejectPoints.Create(rejected, _instance));
            }
        }

        var spooled = await StoreDurablyAsync(batch, points, rejects, cancellationToken);
        foreach (var rejected in rejects)
        {
            metrics.Rejection(rejected.Reason);
        }

        Log.BatchStored(logger, points.Count, rejects.Count);
        await deadLetters.PublishAsync(rejects, cancellationToken);
        return spooled;
    }

    private async Task<bool> StoreDurablyAsync(IReadOnlyList<IngestItem> batch, List<PointData> points, List<RejectedMessage> rejects, CancellationToken cancellationToken)
    {
        if (points.Count == 0)
        {
            return false;
        }

        while (true)
        {
            if (spool.HasBacklog || !schema.IsReady)
            {
                if (TryAppend(points, schema.IsReady ? "the spool holds older batches" : "the InfluxDB schema is not ready"))
                {
                    return true;
                }
            }
            else
            {
                try
                {
                    try
                    {
                        await WriteAsync(points, cancellationToken);
                    }
                    catch (InfluxWriteException ex) when (!ex.IsTransient)
                    {
                        Log.BatchRefused(logger, points.Count, ex.ServerMessage ?? ex.Message);
                        rejects.AddRange(await WriteOneByOneAsync(batch, cancellationToken));
                    }

                    return false;
                }
                catch (Exception ex) when (InfluxWritePipeline.IsTransient(ex))
                {
                    if (!spool.HasBacklog)
                    {
                        Log.SpoolingStarted(logger, ex.Message);
                    }

                    if (TryAppend(points, ex.Message))
                    {
                        return true;
                    }
                }
            }

            // Neither InfluxDB nor the spool took it: keep it unacknowledged (back-pressure) and try again.
            await Task.Delay(_fullRetryDelay, timeProvider, cancellationToken);
        }
    }

    private bool TryAppend(List<PointData> points, string reason)
    {
        var body = new ArrayBufferWriter<byte>(points.Count * 160);
        SpoolPayload.Write(routing.Split(points), body);
        try
        {
            if (!spool.TryAppend(body.WrittenSpan, points.Count))
            {
                return false;
            }
        }
        catch (IOException ex)
        {
            Log.SpoolAppendFailed(logger, ex.Message);
            return false;
        }

        metrics.BatchSpooled(points.Count);
        Log.BatchSpooled(logger, points.Count, reason);
        return true;
    }

    private Task WriteAsync(IReadOnlyList<PointData> points, CancellationToken cancellationToken) =>
        _pipeline.ExecuteAsync(
            static async (state, ct) => await state.writer.WriteAsync(state.points, ct),
            (writer, points),
            cancellationToken).AsTask();

    /// <summary>
    /// Writes each item alone; an item whose point InfluxDB refuses is turned into a stored reject. A transient
    /// failure on the way ends it (the caller spools the whole batch; what was written already is overwritten
    /// with the same values on replay).
    /// </summary>
    private async Task<List<RejectedMessage>> WriteOneByOneAsync(IReadOnlyList<IngestItem> batch, CancellationToken cancellationToken)
    {
        var refused = new List<RejectedMessage>();
        foreach (var item in batch)
        {
            var point = item.Point ?? rejectPoints.Create(item.Rejected!, _instance);
            try
            {
                await WriteAsync([point], cancellationToken);
            }
            catch (InfluxWriteException ex) when (!ex.IsTransient && item.Point is not null)
            {
                var reason = ex.ServerMessage ?? ex.Message;
                var topic = Describe(point);
                Log.PointRefused(logger, point.MeasurementName, topic, reason);
                var rejected = RejectedMessage.StorageRefused(topic, ReadOnlyMemory<byte>.Empty, timeProvider.GetUtcNow(), reason);
                refused.Add(rejected);
                await WriteAsync([rejectPoints.Create(rejected, _instance)], cancellationToken);
            }
        }

        return refused;
    }

    private static string Describe(PointData point)
    {
        string? municipality = null, device = null;
        foreach (var (key, value) in point.Tags)
        {
            if (key == Measurements.MunicipalityTag)
            {
                municipality = value;
            }
            else if (key == Measurements.DeviceTag)
            {
                device = value;
            }
        }

        return $"{municipality}/{point.MeasurementName}/{device}";
    }
}
