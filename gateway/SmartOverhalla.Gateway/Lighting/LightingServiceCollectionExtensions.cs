using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Polly;
using SmartOverhalla.Contracts.Validation;
using SmartOverhalla.Gateway.Alerts;
using SmartOverhalla.Gateway.LoRaWan;
using SmartOverhalla.Lighting.Planning;
using SmartOverhalla.Lighting.Reloading;
using SmartOverhalla.OptionsValidation;

namespace SmartOverhalla.Gateway.Lighting;

/// <summary>Registers lighting control: the control connection, the light twins, commands with acks, the control loop.</summary>
internal static class LightingServiceCollectionExtensions
{
    /// <summary>Section of the message limits (<see cref="ValidationOptions"/>), shared with the ingestion worker.</summary>
    public const string ValidationSectionName = "Validation";

    public static IServiceCollection AddLightingControl(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddValidatedOptions<LightingControlOptions, LightingControlOptionsValidator>(configuration.GetSection(LightingControlOptions.SectionName));
        services.AddValidatedOptions<ValidationOptions, ValidationOptionsValidator>(configuration.GetSection(ValidationSectionName));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new MessageValidator(sp.GetRequiredService<IOptions<ValidationOptions>>().Value, sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<LightStateStore>();
        services.TryAddSingleton<PendingAcks>();
        services.TryAddSingleton<LightReports>();
        services.TryAddSingleton<ControlConnection>();
        // Commands go to each light's cmd topic, or as its network server's downlink for a LoRaWAN light.
        services.AddLoRaWanControl(configuration);
        services.AddResiliencePipeline(CommandRetryPipeline.Key, static (pipeline, context) =>
            CommandRetryPipeline.Configure(pipeline, context.ServiceProvider.GetRequiredService<IOptions<LightingControlOptions>>().Value));
        services.TryAddSingleton<CommandDispatcher>();
        // Unresponsive lights, lamp and driver faults are raised and cleared through the gateway's alerts.
        services.AddAlerts(configuration);
        services.TryAddSingleton<LightAlerts>();
        services.TryAddSingleton<ILightingAlerts>(sp => sp.GetRequiredService<LightAlerts>());
        services.TryAddSingleton<DimmingPlanner>();
        services.TryAddSingleton<OverrideStore>();
        services.TryAddSingleton<IZoneConfigurationSource>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<LightingControlOptions>>().Value;
            return new FileZoneConfigurationSource(
                ZonesPath(options) ?? throw new InvalidOperationException("Lighting:ZonesFile is not set."),
                sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<ILogger<FileZoneConfigurationSource>>(),
                options.ZonesReloadInterval);
        });

        // An invalid zones file stops the start here, with every problem named (ZoneConfigurationException).
        services.TryAddSingleton<ILightingPolicy>(sp =>
            sp.GetRequiredService<IOptions<LightingControlOptions>>().Value is { Enabled: true, ZonesFile: { Length: > 0 } }
                ? new OverridingPolicy(
                    new ZoneSchedulePolicy(sp.GetRequiredService<IZoneConfigurationSource>(), sp.GetRequiredService<DimmingPlanner>()),
                    sp.GetRequiredService<OverrideStore>(),
                    sp.GetRequiredService<IZoneConfigurationSource>())
                : new NoLightingPolicy());
        services.TryAddSingleton<LightingController>();
        services.AddHostedService<InfluxSchemaStartup>();
        services.AddHostedService(sp => sp.GetRequiredService<ControlConnection>());
        services.AddHostedService(sp => sp.GetRequiredService<LightingController>());
        return services;
    }

    /// <summary>The zones file: a relative path is found beside the gateway's binaries, where the build puts it.</summary>
    internal static string? ZonesPath(LightingControlOptions options) =>
        string.IsNullOrWhiteSpace(options.ZonesFile) ? null : Path.GetFullPath(options.ZonesFile, AppContext.BaseDirectory);
}
