using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SmartOverhalla.OptionsValidation;

namespace SmartOverhalla.Influx;

/// <summary>Registers the InfluxDB client: options, the HTTP client, writer, query client, schema initializer and the (empty) retention plan.</summary>
public static class InfluxServiceCollectionExtensions
{
    /// <summary>Name of the <see cref="HttpClient"/> (IHttpClientFactory) all InfluxDB calls use; add handlers to it by this name.</summary>
    public const string HttpClientName = "SmartOverhalla.Influx";

    /// <summary>Binds <see cref="InfluxOptions"/> from <paramref name="section"/> (usually <c>configuration.GetSection(InfluxOptions.SectionName)</c>).</summary>
    public static IServiceCollection AddInfluxDb(this IServiceCollection services, IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(section);
        // The section's own key names validation failures (InfluxDb:Url), wherever the host keeps the section.
        var sectionKey = section is IConfigurationSection { Path: { Length: > 0 } path } ? path : InfluxOptions.SectionName;
        return services.AddInfluxDbCore(sectionKey, options => options.Bind(section));
    }

    /// <summary>Configures <see cref="InfluxOptions"/> in code.</summary>
    public static IServiceCollection AddInfluxDb(this IServiceCollection services, Action<InfluxOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        return services.AddInfluxDbCore(InfluxOptions.SectionName, options => options.Configure(configure));
    }

    private static IServiceCollection AddInfluxDbCore(this IServiceCollection services, string sectionKey, Action<OptionsBuilder<InfluxOptions>> configure)
    {
        configure(services.AddValidatedOptions<InfluxOptions, InfluxOptionsValidator>(sectionKey));

        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpClient(HttpClientName, (provider, client) =>
            InfluxHttp.Configure(client, provider.GetRequiredService<IOptions<InfluxOptions>>().Value));
        services.AddInfluxRetentionPlan();
        services.TryAddSingleton<IInfluxWriter, InfluxWriter>();
        services.TryAddSingleton<IInfluxQueryClient, InfluxQueryClient>();
        services.TryAddSingleton<IInfluxSchemaInitializer, InfluxSchemaInitializer>();
        services.TryAddSingleton<InfluxHealthCheck>();
        return services;
    }
}
