using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SmartOverhalla.ServiceDefaults.Http;

namespace SmartOverhalla.Analytics.Alerts;

/// <summary>
/// An HttpClient to the gateway (alert reports, the meter directory): no request logs (they would print the URL; the API
/// key is a header and never logged), one resilience handler: the platform's <see cref="TransientHttpRetry"/> with the
/// attempts and time-out of <c>Analytics:Alerts</c>.
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
                // A failure ends as a failed window or a run that did not start, which is logged.
                var options = context.ServiceProvider.GetRequiredService<IOptions<AlertReportingOptions>>().Value;
                builder.AddTransientHttpRetry(options.MaxAttempts, TimeSpan.FromSeconds(1), options.AttemptTimeout);
            });
        return services;
    }
}
