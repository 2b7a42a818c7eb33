using System.Net;
using System.Threading.Channels;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;
using Polly.Registry;
using Polly.Retry;
using SmartOverhalla.Influx;

namespace SmartOverhalla.Alerts;

/// <summary>
/// Writes alert changes to InfluxDB (<see cref="AlertPoint"/>) and saves the state file, off the caller's path:
/// <see cref="Enqueue"/> never waits. Transient write failures are retried with back-off (the Polly pipeline
/// <see cref="PipelineKey"/>, registered once); after the last attempt the points are given up, logged and counted — the
/// alerts themselves stay in the API and the file.
/// </summary>
public sealed class AlertRecorder : BackgroundService
{
    /// <summary>Key of the write retry pipeline in the service container's pipeline registry.</summary>
    public const string PipelineKey = "SmartOverhalla.Alerts.Record";

    private const int MaxBatch = 500;
    private const int MaxAttempts = 6;

    private readonly Channel<Alert> _queue;
    private readonly int _capacity;
    private readonly IInfluxWriter _writer;
    private readonly AlertLedger _ledger;
    private readonly AlertStateFile _file;
    private readonly AlertMetrics _metrics;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<AlertRecorder> _logger;
    private readonly ResiliencePipeline _retry;
    private long _savedVersion;

    public AlertRecorder(
        IInfluxWriter writer,
        AlertLedger ledger,
        AlertStateFile file,
        AlertMetrics metrics,
        IOptions<AlertsOptions> options,
        ResiliencePipelineProvider<string> pipelines,
        TimeProvider timeProvider,
        ILogger<AlertRecorder> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(pipelines);
        _capacity = options.Value.QueueCapacity;
        _queue = Channel.CreateBounded<Alert>(new BoundedChannelOptions(_capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
        _writer = writer;
        _ledger = ledger;
        _file = file;
        _metrics = metrics;
        _timeProvider = timeProvider;
        _logger = logger;
        _savedVersion = ledger.Version;
        _retry = pipelines.GetPipeline(PipelineKey);
    }

    /// <summary>The write retry: exponential back-off with jitter, 1 s to 30 s, <see cref="MaxAttempts"/> attempts in all.</summary>
    public static void ConfigureRetry(ResiliencePipelineBuilder builder, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddRetry(new RetryStrategyOptions
        {
            // An unknown database is retried too: the host creates it at start, racing the first alerts.
            ShouldHandle = new PredicateBuilder().Handle<InfluxException>(ex => ex.IsTransient || ex.StatusCode == HttpStatusCode.NotFound),
            MaxRetryAttempts = MaxAttempts - 1,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = TimeSpan.FromSeconds(1),
            MaxDelay = TimeSpan.FromSeconds(30),
            OnRetry = args =>
            {
                Log.RecordRetry(logger, args.Outcome.Exception?.Message ?? "unknown", args.RetryDelay);
                return ValueTask.CompletedTask;
            },
        });

        // Each retry is logged by OnRetry; Polly's own event log would repeat it, and log every successful write as well.
        builder.ConfigureTelemetry(NullLoggerFactory.Instance);
    }

    public void Enqueue(Alert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        if (!_queue.Writer.TryWrite(alert))
        {
            _metrics.RecordsFailed(1);
            Log.RecordDropped(_logger, _capacity, alert.Id);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        try
        {
            while (await _queue.Reader.WaitToReadAsync(stoppingToken))
            {
                try
                {
                    await WriteAsync(Drain(), retry: true, stoppingToken);
                    await SaveAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    // Alerts must never stop the gateway (its broker, lighting control and API run in the same host).
                    Log.RecorderError(_logger, ex);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: what is still queued gets one attempt below.
        }
        finally
        {
            await WriteAsync(Drain(int.MaxValue), retry: false, CancellationToken.None);
            await SaveAsync(CancellationToken.None);
        }
    }

    private List<Alert> Drain(int max = MaxBatch)
    {
        var batch = new List<Alert>();
        while (batch.Count < max && _queue.Reader.TryRead(out var alert))
        {
            batch.Add(alert);
        }

        return batch;
    }

    private async Task WriteAsync(List<Alert> batch, bool retry, CancellationToken cancellationToken)
    {
        if (batch.Count == 0)
        {
            return;
        }

        var points = new List<PointData>(batch.Count);
        foreach (var alert in batch)
        {
            try
            {
                points.Add(AlertPoint.From(alert));
            }
            catch (ArgumentException ex)
            {
                // An alert line protocol cannot carry (reports are checked before they reach the ledger, so this is a bug):
                // it stays in the API and the file; the recorder goes on with the rest.
                _metrics.RecordsFailed(1);
                Log.RecordUnwritable(_logger, alert.Id, ex.Message);
            }
        }

        try
        {
            if (retry)
            {
                await _retry.ExecuteAsync(async token => await _writer.WriteAsync(points, token), cancellationToken);
            }
            else
            {
                await _writer.WriteAsync(points, cancellationToken);
            }
        }
        catch (InfluxException ex)
        {
            _metrics.RecordsFailed(points.Count);
            Log.RecordFailed(_logger, points.Count, ex.Message);
        }
    }

    private async Task SaveAsync(CancellationToken cancellationToken)
    {
        var version = _ledger.Version;
        if (version == _savedVersion)
        {
            return;
        }

        try
        {
            await _file.SaveAsync(_ledger.Snapshot(_timeProvider.GetUtcNow()), cancellationToken);
            _savedVersion = version;
        }
        catch (IOException ex)
        {
            Log.StateSaveFailed(_logger, ex.Message);
        }
        catch (UnauthorizedAccessException ex)
        {
            Log.StateSaveFailed(_logger, ex.Message);
        }
    }
}
