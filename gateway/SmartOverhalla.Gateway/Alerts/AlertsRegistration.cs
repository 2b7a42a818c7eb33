using Microsoft.Extensions.DependencyInjection.Extensions;
using SmartOverhalla.Alerts;
using SmartOverhalla.Alerts.Reports;
using SmartOverhalla.Gateway.Lighting;
using SmartOverhalla.Lighting.Alerts;
using SmartOverhalla.Water.Alerts;

namespace SmartOverhalla.Gateway.Alerts;

/// <summary>
/// The gateway hosts the platform's one alert central (libs/SmartOverhalla.Alerts): every domain's alert types, the
/// ledger with its state file beside the lighting state, the notifier, the API. A new domain adds its types here with
/// one <c>AddAlertDefinitions</c> line.
/// </summary>
internal static class AlertsRegistration
{
    /// <summary>Idempotent: lighting control calls it for its alerts, and the gateway's composition may too.</summary>
    internal static IServiceCollection AddAlerts(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddAlertCentral(configuration);
        services.PostConfigure<AlertsOptions>(options => options.StateFile = DefaultStateFile(configuration[$"{AlertsOptions.SectionName}:{nameof(AlertsOptions.StateFile)}"], configuration));
        services.AddAlertDefinitions(LightingAlertTypes.All);
        services.AddAlertDefinitions(WaterAlertTypes.All);
        services.TryAddSingleton<AlertReportHandler>();
        return services;
    }

    /// <summary>
    /// <paramref name="configured"/>, or <see cref="AlertsOptions.DefaultStateFileName"/> in the folder of
    /// <c>Lighting:StateFile</c> (read from configuration: the alerts need not run with lighting's options bound).
    /// </summary>
    internal static string DefaultStateFile(string? configured, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }

        var lightingState = configuration[$"{LightingControlOptions.SectionName}:{nameof(LightingControlOptions.StateFile)}"];
        var folder = Path.GetDirectoryName(string.IsNullOrWhiteSpace(lightingState) ? new LightingControlOptions().StateFile : lightingState);
        return Path.Combine(folder ?? string.Empty, AlertsOptions.DefaultStateFileName);
    }
}
