using Microsoft.Extensions.Logging.Abstractions;
using Polly;
using Polly.Retry;

namespace SmartOverhalla.Gateway.Lighting;

/// <summary>
/// How a command is sent again when its ack does not come (<see cref="TimeoutException"/> from the ack wait): up to
/// <see cref="LightingControlOptions.MaxAttempts"/> attempts in all, with exponential back-off and jitter between
/// them. Registered once by name (<see cref="Key"/>, in <c>AddLightingControl</c>) and injected into
/// <see cref="CommandDispatcher"/>; its delays run on the <see cref="TimeProvider"/> of the service container.
/// </summary>
internal static class CommandRetryPipeline
{
    public const string Key = "SmartOverhalla.Lighting.CommandRetry";

    public static void Configure(ResiliencePipelineBuilder pipeline, LightingControlOptions options)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        ArgumentNullException.ThrowIfNull(options);
        if (options.MaxAttempts > 1)
        {
            // Polly refuses MaxRetryAttempts 0: one attempt means no retry strategy (MaxAttempts 1 is a valid setting).
            pipeline.AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<TimeoutException>(),
                MaxRetryAttempts = options.MaxAttempts - 1,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryBaseDelay,
                MaxDelay = options.RetryMaxDelay,
            });
        }

        // A light that does not ack is followed by the controller (unresponsive after the last attempt, an alert);
        // Polly's own event log would add a line per retry and per command of a zone-wide step.
        pipeline.ConfigureTelemetry(NullLoggerFactory.Instance);
    }
}
