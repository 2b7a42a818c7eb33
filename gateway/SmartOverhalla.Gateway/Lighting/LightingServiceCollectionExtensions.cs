using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SmartOverhalla.Contracts.Validation;

namespace SmartOverhalla.Gateway.Lighting;

/// <summary>Registers lighting control: the control connection, the light twins, commands with acks, the control loop.</summary>
internal static class LightingServiceCollectionExtensions
{
    public static IServiceCollection AddLightingControl(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<LightingControlOptions>().Bind(configuration.GetSection(LightingControlOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ValidationOptions>().Bind(configuration.GetSection("Validation")).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new MessageValidator(sp.GetRequiredService<IOptions<ValidationOptions>>().Value, sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<LightStateStore>();
        services.TryAddSingleton<PendingAcks>();
        services.TryAddSingleton<LightReports>();
        services.TryAddSingleton<ControlConnection>();
        services.TryAddSingleton<ICommandChannel>(sp => sp.GetRequiredService<ControlConnection>());
        services.TryAddSingleton<CommandDispatcher>();
        services.TryAddSingleton<ILightingAlerts, InfluxLightingAlerts>();
        services.TryAddSingleton<ILightingPolicy, NoLightingPolicy>();
        services.TryAddSingleton<LightingController>();
        services.AddHostedService<InfluxSchemaStartup>();
        services.AddHostedService(sp => sp.GetRequiredService<ControlConnection>());
        services.AddHostedService(sp => sp.GetRequiredService<LightingController>());
        return services;
    }
}
