using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SmartOverhalla.OptionsValidation;

namespace SmartOverhalla.Ingestion.Flood;

/// <summary>Registers the per-device flood guard (section <c>Ingestion:Flood</c>).</summary>
internal static class FloodServiceCollectionExtensions
{
    public static IServiceCollection AddDeviceFloodGuard(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddValidatedOptions<DeviceFloodOptions, DeviceFloodOptionsValidator>(configuration.GetSection(DeviceFloodOptions.SectionName));
        services.AddSingleton<FloodMetrics>();
        services.AddSingleton<DeviceFloodGuard>();
        services.AddHostedService<FloodSweepService>();
        return services;
    }
}
