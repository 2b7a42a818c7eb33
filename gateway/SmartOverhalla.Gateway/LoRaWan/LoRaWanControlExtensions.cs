using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SmartOverhalla.Gateway.Lighting;
using SmartOverhalla.LoRaWan.Mapping;
using SmartOverhalla.OptionsValidation;

namespace SmartOverhalla.Gateway.LoRaWan;

/// <summary>Registers lighting control's LoRaWAN path (section <c>LoRaWan</c>; inactive without a mapping file).</summary>
internal static class LoRaWanControlExtensions
{
    public static IServiceCollection AddLoRaWanControl(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddValidatedOptions<LoRaWanControlOptions, LoRaWanControlOptionsValidator>(configuration.GetSection(LoRaWanControlOptions.SectionName));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<LoRaWanControlOptions>, LoRaWanControlOptionsHostChecks>());
        services.TryAddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<LoRaWanControlOptions>>().Value;
            return options.Enabled
                ? UplinkMappingLoader.Load(LoRaWanControlOptionsHostChecks.ResolvePath(sp.GetRequiredService<IHostEnvironment>(), options.MappingFile!))
                : new UplinkMapping([]);
        });
        services.TryAddSingleton<ILoRaWanRegistry, RegistryLoRaWanDevices>();
        services.TryAddSingleton(sp =>
        {
            // Beside the lighting state (Lighting:StateFile), in the gateway's data folder.
            var state = Path.GetFullPath(sp.GetRequiredService<IOptions<LightingControlOptions>>().Value.StateFile, sp.GetRequiredService<IHostEnvironment>().ContentRootPath);
            return new DownlinkRoutes(Path.Combine(Path.GetDirectoryName(state)!, "lorawan-routes.json"), sp.GetRequiredService<ILogger<DownlinkRoutes>>());
        });
        services.TryAddSingleton<SentDownlinks>();
        services.TryAddSingleton<LoRaWanUplinkObserver>();
        services.TryAddSingleton<LoRaWanCommandChannel>();
        services.TryAddSingleton<ICommandChannel, RoutingCommandChannel>();
        return services;
    }
}
