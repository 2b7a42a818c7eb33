using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace SmartOverhalla.Analytics.Alerts;

/// <summary>
/// An HttpClient to the gateway (alert reports, the meter directory): no request logs (they would print the URL; the API
/// key is a header and never logged), one resilience handler with the attempts and time-out of <c>Analytics:Alerts</c>.
/// </summary>
internal static class GatewayHttpClientExtensions
{
    public static IServiceCollection AddGatewayHttpClient(this IServiceCollection services, string name, string pipelineKey)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddHttpClient(name, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .RemoveAllLoggers()
            .AddResilienceHandler(pipelineKey, static (builder, context) =>
            {
                var options = context.ServiceProvider.GetRequiredService<IOptions<AlertReportingOptions>>().Value;

                // Polly refuses a retry strategy without retries.
                if (options.MaxAttempts > 1)
                {
                    builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
                    {
                        ShouldHandle = new PredicateBuilder<HttpResponseMessage>()
                            .Handle<HttpRequestException>()
                            .Handle<TimeoutRejectedException>()
                            .HandleResult(r => (int)r.StatusCode >= 500 || r.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests),
                        MaxRetryAttempts = options.MaxAttempts - 1,
                        BackoffType = DelayBackoffType.Exponential,
                        UseJitter = true,
                        Delay = TimeSpan.FromSeconds(1),
                    });
                }

                builder.AddTimeout(options.AttemptTimeout);

                // A failure ends as a failed window or a run that did not start, which is logged; Polly's own event log
                // would repeat it.
                builder.ConfigureTelemetry(NullLoggerFactory.Instance);
            });
        return services;
    }
}
