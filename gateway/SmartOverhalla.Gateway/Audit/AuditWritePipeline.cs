using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;
using Polly.Retry;
using SmartOverhalla.Influx;

namespace SmartOverhalla.Gateway.Audit;

/// <summary>
/// The audit log's retry around each InfluxDB write, registered once by name (<see cref="Key"/>, in
/// <c>AddInfluxAuditLog</c>) and injected into <see cref="InfluxAuditLog"/>: transient failures and a database that does
/// not exist yet are retried with exponential back-off and jitter until the write succeeds or the gateway stops. Its
/// delays run on the <see cref="TimeProvider"/> of the service container.
/// </summary>
internal static partial class AuditWritePipeline
{
    public const string Key = "SmartOverhalla.Audit.InfluxWrite";

    public static void Configure(ResiliencePipelineBuilder pipeline, AuditOptions options, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        ArgumentNullException.ThrowIfNull(options);
        pipeline.AddRetry(new RetryStrategyOptions
        {
            // 404: the database does not exist yet (the gateway creates it at start, racing the first entries).
            ShouldHandle = new PredicateBuilder().Handle<InfluxException>(ex => ex.IsTransient || ex.StatusCode == HttpStatusCode.NotFound),
            MaxRetryAttempts = int.MaxValue,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = options.RetryBaseDelay,
            MaxDelay = options.RetryMaxDelay,
            OnRetry = args =>
            {
                LogRetry(logger, args.Outcome.Exception?.Message ?? "unknown", args.RetryDelay);
                return ValueTask.CompletedTask;
            },
        });

        // Each retry is logged above; Polly's own event log would repeat it, and log every successful write as well.
        pipeline.ConfigureTelemetry(NullLoggerFactory.Instance);
    }

    [LoggerMessage(EventId = 9003, Level = LogLevel.Warning, Message = "Could not store audit entries in InfluxDB ({Reason}); retrying in {Delay}")]
    private static partial void LogRetry(ILogger logger, string reason, TimeSpan delay);
}
