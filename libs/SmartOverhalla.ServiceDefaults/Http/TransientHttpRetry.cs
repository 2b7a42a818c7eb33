using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace SmartOverhalla.ServiceDefaults.Http;

/// <summary>
/// The platform's one resilience policy for a call to another service over HTTP (the alert and notice webhooks, the
/// analytics host's calls to the gateway), as the single resilience handler of its HttpClient: retry with exponential
/// back-off and jitter on answers that may succeed later — 5xx, 408, 429 — and on time-outs and connection errors, with a
/// time limit per attempt inside. Other answers are final: sending the same request again cannot help.
/// </summary>
public static class TransientHttpRetry
{
    /// <summary>An answer that may succeed when asked again.</summary>
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

    /// <summary>
    /// Adds the retry (only with <paramref name="maxAttempts"/> above 1: Polly refuses a retry strategy without retries) and
    /// the per-attempt <paramref name="attemptTimeout"/>, and silences Polly's own event log: the caller logs a retry in
    /// <paramref name="onRetry"/> (host only, never the URL) and a final failure where it handles it.
    /// </summary>
    /// <param name="delayGenerator">Optional: a delay the receiver asked for (e.g. <c>Retry-After</c>); null from it keeps the back-off.</param>
    public static ResiliencePipelineBuilder<HttpResponseMessage> AddTransientHttpRetry(
        this ResiliencePipelineBuilder<HttpResponseMessage> builder,
        int maxAttempts,
        TimeSpan baseDelay,
        TimeSpan attemptTimeout,
        Func<OnRetryArguments<HttpResponseMessage>, ValueTask>? onRetry = null,
        TimeSpan? maxDelay = null,
        Func<RetryDelayGeneratorArguments<HttpResponseMessage>, ValueTask<TimeSpan?>>? delayGenerator = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (maxAttempts > 1)
        {
            var retry = new RetryStrategyOptions<HttpResponseMessage>
            {
                ShouldHandle = new PredicateBuilder<HttpResponseMessage>()
                    .Handle<HttpRequestException>()
                    .Handle<TimeoutRejectedException>()
                    .HandleResult(r => IsTransient(r.StatusCode)),
                MaxRetryAttempts = maxAttempts - 1,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = baseDelay,
                DelayGenerator = delayGenerator,
                OnRetry = onRetry,
            };
            if (maxDelay is { } cap)
            {
                retry.MaxDelay = cap;
            }

            builder.AddRetry(retry);
        }

        builder.AddTimeout(attemptTimeout);
        builder.ConfigureTelemetry(NullLoggerFactory.Instance);
        return builder;
    }
}
