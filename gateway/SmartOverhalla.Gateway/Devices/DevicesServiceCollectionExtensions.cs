using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SmartOverhalla.Gateway.Devices.Mosquitto;
using SmartOverhalla.OptionsValidation;

namespace SmartOverhalla.Gateway.Devices;

/// <summary>Registers the device registry, the fleet import at start and the Mosquitto provisioning.</summary>
internal static class DevicesServiceCollectionExtensions
{
    public static IServiceCollection AddDevices(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddValidatedOptions<DevicesOptions, DevicesOptionsValidator>(configuration.GetSection(DevicesOptions.SectionName));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DevicesOptions>, DevicesOptionsHostChecks>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<DeviceRegistry>();
        services.TryAddSingleton<MosquittoProvisioner>();
        DevicePolicies.AddTo(services.AddAuthorizationBuilder());

        // Registered before the broker (AddBroker) in the gateway's composition, so imported devices can connect from its first second.
        services.AddHostedService<FleetImport>();
        services.AddHostedService(sp => sp.GetRequiredService<MosquittoProvisioner>());
        return services;
    }
}
