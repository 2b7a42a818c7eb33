using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Registry;
using SmartOverhalla.Contracts.Validation;
using SmartOverhalla.Influx;
using SmartOverhalla.Ingestion.Mqtt;
using SmartOverhalla.Ingestion.Telemetry;

namespace SmartOverhalla.Ingestion.Pipeline;

/// <summary>
/// Stores one batch durably: the valid messages' points and one reject point per refused message, in one
/// write, retried (Polly pipeline <see cref="PipelineKey"/>) while InfluxDB is unreachable. When InfluxDB
/// refuses the batch itself (e.g. a field type conflict), the points are written one by one and only the
/// ones refused become rejects, so one bad point never costs the others.
/// </summary>
internal sealed class BatchStore(
    IInfluxWriter writer,
    RejectPointFactory rejectPoints,
    DeadLetterPublisher deadLetters,
    ResiliencePipelineProvider<string> pipelines,
    IOptions<IngestionOptions> options,
    IngestionMetrics metrics,
    TimeProvider timeProvider,
    ILogger<BatchStore> logger)
{
    public const string PipelineKey = "influx-write";

    private readonly ResiliencePipeline _pipeline = pipelines.GetPipeline(PipelineKey);
    private readonly string _instance = options.Value.InstanceName;

    public async Task StoreAsync(IReadOnlyList<IngestItem> batch, CancellationToken cancellationToken)
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

        try
        {
            await WriteWithRetryAsync(points, cancellationToken);
        }
        catch (InfluxWriteException ex) when (!ex.IsTransient)
        {
            Log.BatchRefused(logger, points.Count, ex.ServerMessage ?? ex.Message);
            rejects.AddRange(await WriteOneByOneAsync(batch, cancellationToken));
        }

        foreach (var rejected in rejects)
        {
            metrics.Rejection(rejected.Reason);
        }

        Log.BatchStored(logger, points.Count, rejects.Count);
        await deadLetters.PublishAsync(rejects, cancellationToken);
    }

    private Task WriteWithRetryAsync(IReadOnlyList<PointData> points, CancellationToken cancellationToken) =>
        _pipeline.ExecuteAsync(
            static async (state, ct) => await state.writer.WriteAsync(state.points, ct),
            (writer, points),
            cancellationToken).AsTask();

    /// <summary>Writes each item alone; an item whose point InfluxDB refuses is turned into a stored reject.</summary>
    private async Task<List<RejectedMessage>> WriteOneByOneAsync(IReadOnlyList<IngestItem> batch, CancellationToken cancellationToken)
    {
        var refused = new List<RejectedMessage>();
        foreach (var item in batch)
        {
            var point = item.Point ?? rejectPoints.Create(item.Rejected!, _instance);
            try
            {
                await WriteWithRetryAsync([point], cancellationToken);
            }
            catch (InfluxWriteException ex) when (!ex.IsTransient && item.Point is not null)
            {
                var reason = ex.ServerMessage ?? ex.Message;
                var topic = Describe(point);
                Log.PointRefused(logger, point.MeasurementName, topic, reason);
                var rejected = new RejectedMessage(
                    topic,
                    ReadOnlyMemory<byte>.Empty,
                    0,
                    timeProvider.GetUtcNow(),
                    [new ValidationProblem("$point", RejectReasons.StorageRejected, "InfluxDB refused the point: " + reason)]);
                refused.Add(rejected);
                await WriteWithRetryAsync([rejectPoints.Create(rejected, _instance)], cancellationToken);
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
