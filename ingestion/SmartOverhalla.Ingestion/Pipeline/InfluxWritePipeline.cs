using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;
using SmartOverhalla.Influx;
using SmartOverhalla.Ingestion.Telemetry;

namespace SmartOverhalla.Ingestion.Pipeline;

/// <summary>
/// The Polly 8 pipeline around every InfluxDB write of the worker (batches and replays share it, and so one
/// circuit): retry with exponential back-off and jitter (outermost), a circuit breaker, and a time-out per
/// attempt (innermost). What it gives up on goes to the spool; see <see cref="IsTransient"/>.
/// </summary>
internal static class InfluxWritePipeline
{
    public const string Key = "influx-write";

    // Polly's defaults, written out: the circuit opens when half of at least 4 writes in 30 s failed.
    private const double FailureRatio = 0.5;
    private const int MinimumThroughput = 4;
    private static readonly TimeSpan SamplingDuration = TimeSpan.FromSeconds(30);

    /// <summary>
    /// True for failures that a later try may cure and that therefore send a batch to the spool: no answer,
    /// 5xx and 429 (<see cref="InfluxException.IsTransient"/>), an attempt that timed out, an open circuit.
    /// </summary>
    public static bool IsTransient(Exception exception) =>
        exception is InfluxWriteException { IsTransient: true } or TimeoutRejectedException or BrokenCircuitException;

    public static void Configure(ResiliencePipelineBuilder pipeline, IngestionOptions options, IngestionMetrics metrics, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        ArgumentNullException.ThrowIfNull(options);
        var attemptFailed = new PredicateBuilder()
            .Handle<InfluxWriteException>(ex => ex.IsTransient)
            .Handle<TimeoutRejectedException>();
        if (options.WriteRetryAttempts > 0)
        {
            // Polly refuses MaxRetryAttempts 0: no retries means no retry strategy.
            pipeline.AddRetry(new RetryStrategyOptions
            {
                // An open circuit is not retried here: the batch goes to the spool at once.
                ShouldHandle = attemptFailed,
                MaxRetryAttempts = options.WriteRetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.WriteRetryDelay,
                MaxDelay = options.WriteRetryMaxDelay,
                OnRetry = args =>
                {
                    metrics.WriteFailed();
                    Log.WriteRetry(logger, args.Outcome.Exception?.Message ?? "unknown", args.AttemptNumber + 1, args.RetryDelay);
                    return ValueTask.CompletedTask;
                },
            });
        }

        pipeline
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                ShouldHandle = attemptFailed,
                FailureRatio = FailureRatio,
                MinimumThroughput = MinimumThroughput,
                SamplingDuration = SamplingDuration,
                BreakDuration = options.CircuitBreakDuration,
                OnOpened = args =>
                {
                    Log.CircuitOpened(logger, args.BreakDuration, args.Outcome.Exception?.Message ?? "unknown");
                    return ValueTask.CompletedTask;
                },
                OnClosed = _ =>
                {
                    Log.CircuitClosed(logger);
                    return ValueTask.CompletedTask;
                },
            })
            .AddTimeout(options.WriteAttemptTimeout);
    }
}
