using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace SmartOverhalla.Ingestion.Flood;

/// <summary>Registers the per-device flood guard (section <c>Ingestion:Flood</c>).</summary>
internal static class FloodServiceCollectionExtensions
{
    public static IServiceCollection AddDeviceFloodGuard(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<DeviceFloodOptions>().Bind(configuration.GetSection(DeviceFloodOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<FloodMetrics>();
        services.AddSingleton<DeviceFloodGuard>();
        services.AddHostedService<FloodSweepService>();
        return services;
    }
}
