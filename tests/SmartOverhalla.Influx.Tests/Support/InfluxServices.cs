using Microsoft.Extensions.DependencyInjection;

namespace SmartOverhalla.Influx.Tests.Support;

/// <summary>Builds the client the way a host does (<see cref="InfluxServiceCollectionExtensions.AddInfluxDb(IServiceCollection, Action{InfluxOptions})"/>).</summary>
internal static class InfluxServices
{
    public static ServiceProvider Create(Action<InfluxOptions> configure, HttpMessageHandler? primaryHandler = null)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddInfluxDb(configure);
        services.AddHealthChecks().AddInfluxDb();
        if (primaryHandler is not null)
        {
            services.AddHttpClient(InfluxServiceCollectionExtensions.HttpClientName)
                .ConfigurePrimaryHttpMessageHandler(() => primaryHandler);
        }

        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    /// <summary>A client for <paramref name="url"/> and a database of its own.</summary>
    public static ServiceProvider ForServer(Uri url, string database, Action<InfluxOptions>? configure = null) =>
        Create(options =>
        {
            options.Url = url;
            options.Database = database;
            configure?.Invoke(options);
        });
}
