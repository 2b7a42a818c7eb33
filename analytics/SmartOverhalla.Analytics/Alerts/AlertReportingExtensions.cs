using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
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
        services.AddGatewayHttpClient(GatewayAlertReporter.HttpClientName, PipelineKey);
        return services;
    }
}
