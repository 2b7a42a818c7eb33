using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace SmartOverhalla.Influx;

/// <summary>Registers the InfluxDB client: options, the HTTP client, writer, query client and schema initializer.</summary>
public static class InfluxServiceCollectionExtensions
{
    /// <summary>Name of the <see cref="HttpClient"/> (IHttpClientFactory) all InfluxDB calls use; add handlers to it by this name.</summary>
    public const string HttpClientName = "SmartOverhalla.Influx";

    /// <summary>Binds <see cref="InfluxOptions"/> from <paramref name="section"/> (usually <c>configuration.GetSection(InfluxOptions.SectionName)</c>).</summary>
    public static IServiceCollection AddInfluxDb(this IServiceCollection services, IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(section);
        return services.AddInfluxDbCore(options => options.Bind(section));
    }

    /// <summary>Configures <see cref="InfluxOptions"/> in code.</summary>
    public static IServiceCollection AddInfluxDb(this IServiceCollection services, Action<InfluxOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        return services.AddInfluxDbCore(options => options.Configure(configure));
    }

    private static IServiceCollection AddInfluxDbCore(this IServiceCollection services, Action<OptionsBuilder<InfluxOptions>> configure)
    {
        var options = services.AddOptions<InfluxOptions>();
        configure(options);
        options.ValidateDataAnnotations().ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpClient(HttpClientName, (provider, client) =>
            InfluxHttp.Configure(client, provider.GetRequiredService<IOptions<InfluxOptions>>().Value));
        services.TryAddSingleton<IInfluxWriter, InfluxWriter>();
        services.TryAddSingleton<IInfluxQueryClient, InfluxQueryClient>();
        services.TryAddSingleton<IInfluxSchemaInitializer, InfluxSchemaInitializer>();
        services.TryAddSingleton<InfluxHealthCheck>();
        return services;
    }
}
