using Microsoft.Extensions.DependencyInjection.Extensions;
using SmartOverhalla.DerivedSeries.Lighting;

namespace SmartOverhalla.Gateway.Savings;

/// <summary>Registers the savings API's services: the savings series the analytics host writes, read here.</summary>
internal static class LightingSavingsServiceCollectionExtensions
{
    /// <summary>
    /// Adds the savings API's services. Needs lighting control's registrations (<c>AddLightingControl</c>: the zones
    /// file, for the municipality and its zone ids). Calling it again does nothing.
    /// </summary>
    public static IServiceCollection AddLightingSavings(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.Any(d => d.ServiceType == typeof(LightingSavingsRegistration)))
        {
            return services;
        }

        services.AddSingleton<LightingSavingsRegistration>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SavingsSeries>();
        return services;
    }
}
