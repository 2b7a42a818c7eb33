using System.Text;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Registry;
using SmartOverhalla.Contracts.Validation;
using SmartOverhalla.Influx;
using SmartOverhalla.Ingestion.Pipeline;
using SmartOverhalla.Ingestion.Telemetry;

namespace SmartOverhalla.Ingestion.Spool;

/// <summary>
/// Replays the spool into InfluxDB, oldest batch first, one at a time, through the same write pipeline
/// (and circuit) as new batches; a batch leaves the spool only once InfluxDB has taken it. While InfluxDB
/// is away it waits <see cref="SpoolOptions.ReplayRetryDelay"/> between tries. A spooled batch that
/// InfluxDB refuses outright is written line by line, and each refused line becomes a stored reject. Each section of a
/// record goes into the retention policy it was spooled for (<see cref="SpoolPayload"/>).
/// </summary>
internal sealed class SpoolReplayService(
    BatchSpool spool,
    IInfluxWriter writer,
    ResiliencePipelineProvider<string> pipelines,
    InfluxSchemaReadiness schema,
    RejectPointFactory rejectPoints,
    IOptions<IngestionOptions> options,
    IOptions<SpoolOptions> spoolOptions,
    IngestionMetrics metrics,
    TimeProvider timeProvider,
    ILogger<SpoolReplayService> logger) : BackgroundService
{
    private readonly ResiliencePipeline _pipeline = pipelines.GetPipeline(InfluxWritePipeline.Key);
    private readonly TimeSpan _retryDelay = spoolOptions.Value.ReplayRetryDelay;
    private long _batchesSinceEmpty;
    private long _pointsSinceEmpty;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await schema.Ready.WaitAsync(stoppingToken);
            while (!stoppingToken.IsCancellationRequested)
            {
                await ReplayNextAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: what is not replayed stays in the spool for the next start.
        }
    }

    private async Task ReplayNextAsync(CancellationToken stoppingToken)
    {
        try
        {
            if (spool.Peek() is not { } record)
            {
                await spool.WaitForRecordsAsync(stoppingToken);
                return;
            }

            await ReplayAsync(record, stoppingToken);
            spool.Complete(record);
            metrics.BatchReplayed(record.Points);
            _batchesSinceEmpty++;
            _pointsSinceEmpty += record.Points;
            if (!spool.HasBacklog)
            {
                Log.SpoolDrained(logger, _batchesSinceEmpty, _pointsSinceEmpty);
                _batchesSinceEmpty = _pointsSinceEmpty = 0;
            }
        }
        catch (Exception ex) when (InfluxWritePipeline.IsTransient(ex))
        {
            Log.ReplayFailed(logger, ex.Message, spool.Status().Records);
            await Task.Delay(_retryDelay, timeProvider, stoppingToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.ReplayLoopFailed(logger, ex);
            await Task.Delay(_retryDelay, timeProvider, stoppingToken);
        }
    }

    /// <summary>
    /// Writes each section of the record into its retention policy (<see cref="SpoolPayload"/>; a record from before
    /// sections existed is one section for the default policy). A transient failure leaves the whole record in the spool:
    /// sections already written are written again on the next try and overwrite themselves.
    /// </summary>
    private async Task ReplayAsync(SpoolRecord record, CancellationToken cancellationToken)
    {
        foreach (var (policy, lines) in SpoolPayload.Sections(record.LineProtocol))
        {
            try
            {
                await WriteAsync(lines, policy, cancellationToken);
            }
            catch (InfluxWriteException ex) when (!ex.IsTransient)
            {
                Log.ReplayRefused(logger, record.Points, ex.ServerMessage ?? ex.Message);
                await ReplayLineByLineAsync(lines, policy, cancellationToken);
            }
        }
    }

    private async Task ReplayLineByLineAsync(ReadOnlyMemory<byte> lineProtocol, string? policy, CancellationToken cancellationToken)
    {
        var rest = lineProtocol;
        while (!rest.IsEmpty)
        {
            var end = rest.Span.IndexOf((byte)'\n');
            var line = end < 0 ? rest : rest[..(end + 1)];
            rest = end < 0 ? ReadOnlyMemory<byte>.Empty : rest[(end + 1)..];
            try
            {
                await WriteAsync(line, policy, cancellationToken);
            }
            catch (InfluxWriteException ex) when (!ex.IsTransient)
            {
                var reason = ex.ServerMessage ?? ex.Message;
                var rejected = RejectedMessage.StorageRefused("spool/" + Measurement(line.Span), line, timeProvider.GetUtcNow(), reason);
                Log.PointRefused(logger, rejected.Topic, "spool", reason);
                metrics.Rejection(rejected.Reason);
                var reject = rejectPoints.Create(rejected, options.Value.InstanceName);
                await _pipeline.ExecuteAsync(static async (state, ct) => await state.writer.WriteAsync([state.reject], ct), (writer, reject), cancellationToken);
            }
        }
    }

    private Task WriteAsync(ReadOnlyMemory<byte> lineProtocol, string? policy, CancellationToken cancellationToken) =>
        _pipeline.ExecuteAsync(
            static async (state, ct) => await state.writer.WriteLineProtocolAsync(state.lineProtocol, state.policy, ct),
            (writer, lineProtocol, policy),
            cancellationToken).AsTask();

    private static string Measurement(ReadOnlySpan<byte> line)
    {
        var end = line.IndexOfAny((byte)',', (byte)' ');
        var name = end < 0 ? line : line[..end];
        return Encoding.UTF8.GetString(name[..Math.Min(name.Length, 64)]);
    }
}
