using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SmartOverhalla.LoRaWan.Mapping;
using SmartOverhalla.OptionsValidation;
using SmartOverhalla.ServiceDefaults.Http;

namespace SmartOverhalla.Ingestion.LoRaWan;

/// <summary>Registers the LoRaWAN uplink path (section <c>LoRaWan</c>; off without a mapping file).</summary>
internal static class LoRaWanIntakeExtensions
{
    private const string DirectoryPipelineKey = "lorawan-device-directory";

    public static IServiceCollection AddLoRaWanIntake(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddValidatedOptions<LoRaWanOptions, LoRaWanOptionsValidator>(configuration.GetSection(LoRaWanOptions.SectionName));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<LoRaWanOptions>, LoRaWanOptionsHostChecks>());
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<LoRaWanOptions>>().Value;
            return options.Enabled
                ? UplinkMappingLoader.Load(LoRaWanOptionsHostChecks.ResolvePath(sp.GetRequiredService<IHostEnvironment>(), options.MappingFile!))
                : new UplinkMapping([]);
        });
        services.AddSingleton<LoRaWanDeviceDirectory>();
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<LoRaWanOptions>>().Value;
            return new UplinkFrameTracker(options.DuplicateWindow, options.MaxTrackedFrames);
        });
        services.AddSingleton<LoRaWanIntake>();

        // No request logs (they would print the URL; the key is a header). A failed fetch keeps the list the worker has.
        services.AddHttpClient(DeviceDirectoryRefreshService.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .RemoveAllLoggers()
            .AddResilienceHandler(DirectoryPipelineKey, static builder => builder.AddTransientHttpRetry(3, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10)));
        services.AddHostedService<DeviceDirectoryRefreshService>();
        return services;
    }
}
