using Microsoft.Extensions.DependencyInjection.Extensions;

namespace SmartOverhalla.Gateway.Savings;

/// <summary>Registers energy and savings of street lighting (the series writer and the API's services).</summary>
internal static class LightingSavingsServiceCollectionExtensions
{
    /// <summary>
    /// Adds the savings component; options from <c>Lighting:Savings</c>, validated at start. Needs lighting control's
    /// registrations (<c>AddLightingControl</c>: the zones file). Calling it again does nothing.
    /// </summary>
    public static IServiceCollection AddLightingSavings(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        if (services.Any(d => d.ServiceType == typeof(LightingSavingsRegistration)))
        {
            return services;
        }

        services.AddSingleton<LightingSavingsRegistration>();
        services.AddOptions<LightingSavingsOptions>()
            .Bind(configuration.GetSection(LightingSavingsOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<StreetlightTelemetryReader>();
        services.TryAddSingleton<SavingsSeries>();
        services.TryAddSingleton<SavingsComputation>();
        services.AddHostedService<LightingSavingsService>();
        return services;
    }
}
