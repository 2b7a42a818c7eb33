using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;
using Polly.Timeout;
using SmartOverhalla.OptionsValidation;

namespace SmartOverhalla.Analytics.Alerts;

/// <summary>Registers alert reporting to the gateway: options, the reporter, its HttpClient with one resilience handler.</summary>
internal static class AlertReportingExtensions
{
    public const string PipelineKey = "SmartOverhalla.Analytics.AlertReports";

    public static IServiceCollection AddAlertReporting(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddValidatedOptions<AlertReportingOptions, AlertReportingOptionsValidator>(configuration.GetSection(AlertReportingOptions.SectionName));
        services.TryAddSingleton<IAlertReporter, GatewayAlertReporter>();
        services.AddHttpClient(GatewayAlertReporter.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            // The request logs would print the URL; the API key is a header and never logged.
            .RemoveAllLoggers()
            .AddResilienceHandler(PipelineKey, static (builder, context) =>
            {
                var options = context.ServiceProvider.GetRequiredService<IOptions<AlertReportingOptions>>().Value;
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
                // A failure ends as the job's window failing, which is logged; Polly's own event log would repeat it.
                builder.ConfigureTelemetry(NullLoggerFactory.Instance);
            });
        return services;
    }
}
