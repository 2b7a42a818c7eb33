using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace SmartOverhalla.Alerts;

/// <summary>
/// The webhook client's one resilience mechanism (house style: exactly one per HttpClient), a resilience handler of
/// Microsoft.Extensions.Http.Resilience: retry with exponential back-off and jitter on answers that may succeed later —
/// 5xx, 408, 429 — and on time-outs and connection errors, with a time limit per attempt inside. A receiver's
/// <c>Retry-After</c> is honoured up to <see cref="WebhookOptions.MaxDelay"/>. Other 4xx answers are final: sending the
/// same body again cannot help. The handler re-sends the same request (body and <c>Idempotency-Key</c>) per attempt.
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
        // One attempt (MaxAttempts 1) is valid, but Polly refuses a retry strategy without retries: then only the timeout.
        if (options.MaxAttempts > 1)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                ShouldHandle = new PredicateBuilder<HttpResponseMessage>()
                    .Handle<HttpRequestException>()
                    .Handle<TimeoutRejectedException>()
                    .HandleResult(r => IsTransient(r.StatusCode)),
                MaxRetryAttempts = options.MaxAttempts - 1,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.BaseDelay,
                MaxDelay = options.MaxDelay,
                DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome.Result, options.MaxDelay)),
                OnRetry = args =>
                {
                    // Polly disposes the failed answer after this, releasing its connection.
                    Log.WebhookRetry(logger, host, Describe(args.Outcome), args.AttemptNumber + 1, args.RetryDelay);
                    return ValueTask.CompletedTask;
                },
            });
        }

        builder.AddTimeout(options.AttemptTimeout);

        // Each retry is logged by OnRetry (host only, never the URL); Polly's own event log would repeat it at error level.
        builder.ConfigureTelemetry(NullLoggerFactory.Instance);
    }

    public static bool IsTransient(HttpStatusCode status) =>
        (int)status >= 500 || status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests;

    /// <summary>What went wrong, safe to log: a status code or an exception type, never a URL.</summary>
    public static string Describe(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Result: { } response } => $"HTTP {(int)response.StatusCode}",
        { Exception: HttpRequestException { HttpRequestError: var error } } => $"connection error: {error}",
        { Exception: TimeoutRejectedException } => "timed out",
        { Exception: { } exception } => exception.GetType().Name,
        _ => "unknown",
    };

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
