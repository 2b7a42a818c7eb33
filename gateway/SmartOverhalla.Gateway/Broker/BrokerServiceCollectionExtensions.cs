using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SmartOverhalla.OptionsValidation;

namespace SmartOverhalla.Gateway.Broker;

/// <summary>
/// Registers the broker component: options, the embedded broker's hosted service (authenticating against the device
/// registry, which AddDevices registers) and the status for <c>/health</c>.
/// </summary>
internal static class BrokerServiceCollectionExtensions
{
    public static IServiceCollection AddBroker(this IServiceCollection services, IConfigurationSection brokerSection)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(brokerSection);

        services.AddValidatedOptions<BrokerOptions, BrokerOptionsValidator>(brokerSection);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<BrokerOptions>, BrokerOptionsHostChecks>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPostConfigureOptions<BrokerOptions>, BrokerAccountsSetup>());
        services.AddMetrics();
        services.TryAddSingleton<BrokerMetrics>();
        // Devices from the registry (AddDevices) and the platform's service accounts; anonymous only in Development.
        services.TryAddSingleton<ConnectingPrincipals>();
        services.TryAddSingleton<IBrokerConnectionValidator, RegistryConnectionValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<PublishRateLimiter>();
        services.TryAddSingleton<RetainedAtSubscribe>();
        services.TryAddSingleton<Mqtt5.Mqtt5Obligations>();
        services.TryAddSingleton<EmbeddedBroker>();
        services.TryAddSingleton<ExternalBrokerProbe>();

        // Registered in both modes and decided when options are read, so the mode can come from any configuration
        // source, including ones added after AddGateway (tests, environment); the embedded broker idles in External mode.
        services.AddHostedService(sp => sp.GetRequiredService<EmbeddedBroker>());
        services.TryAddSingleton<IBrokerStatus>(sp =>
            sp.GetRequiredService<IOptions<BrokerOptions>>().Value.Mode == BrokerMode.External
                ? sp.GetRequiredService<ExternalBrokerProbe>()
                : sp.GetRequiredService<EmbeddedBroker>());
        return services;
    }
}
