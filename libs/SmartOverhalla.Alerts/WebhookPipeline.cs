using Polly;
using SmartOverhalla.ServiceDefaults.Http;

namespace SmartOverhalla.Alerts;

/// <summary>
/// The webhook client's one resilience mechanism (house style: exactly one per HttpClient): the platform's
/// <see cref="TransientHttpRetry"/>, with a receiver's <c>Retry-After</c> honoured up to <see cref="WebhookOptions.MaxDelay"/>.
/// The handler re-sends the same request (body and <c>Idempotency-Key</c>) per attempt.
/// </summary>
internal static class WebhookPipeline
{
    /// <summary>Name of the resilience handler on the webhook's HttpClient.</summary>
    public const string Key = "SmartOverhalla.Alerts.Webhook";

    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder, WebhookOptions options, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        var host = options.Enabled ? options.Endpoint.Host : "(none)";
        builder.AddTransientHttpRetry(
            options.MaxAttempts,
            options.BaseDelay,
            options.AttemptTimeout,
            onRetry: args =>
            {
                // Polly disposes the failed answer after this, releasing its connection.
                Log.WebhookRetry(logger, host, TransientHttpRetry.Describe(args.Outcome), args.AttemptNumber + 1, args.RetryDelay);
                return ValueTask.CompletedTask;
            },
            maxDelay: options.MaxDelay,
            delayGenerator: args => ValueTask.FromResult(RetryAfter(args.Outcome.Result, options.MaxDelay)));
    }

    /// <summary>The receiver's Retry-After (seconds or a date), capped; null lets Polly compute the back-off.</summary>
    private static TimeSpan? RetryAfter(HttpResponseMessage? response, TimeSpan maxDelay)
    {
        var delta = response?.Headers.RetryAfter?.Delta;
        if (delta is null && response?.Headers.RetryAfter?.Date is { } date && response.Headers.Date is { } sent)
        {
            delta = date - sent;
        }

        return delta is { } wait && wait > TimeSpan.Zero ? (wait < maxDelay ? wait : maxDelay) : null;
    }
}
