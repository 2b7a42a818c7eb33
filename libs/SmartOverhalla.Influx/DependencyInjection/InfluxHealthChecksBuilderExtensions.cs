using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace SmartOverhalla.Influx;

/// <summary>Adds the InfluxDB health check (needs <see cref="InfluxServiceCollectionExtensions.AddInfluxDb(IServiceCollection, Action{InfluxOptions})"/>).</summary>
public static class InfluxHealthChecksBuilderExtensions
{
    /// <summary>Default registration name.</summary>
    public const string DefaultName = "influxdb";

    /// <summary>Adds a check that pings InfluxDB's <c>/ping</c>: Healthy on 204, else <paramref name="failureStatus"/> (default Unhealthy) with the reason.</summary>
    public static IHealthChecksBuilder AddInfluxDb(
        this IHealthChecksBuilder builder,
        string name = DefaultName,
        HealthStatus? failureStatus = null,
        IEnumerable<string>? tags = null,
        TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(name);
        return builder.Add(new HealthCheckRegistration(
            name,
            provider => provider.GetRequiredService<InfluxHealthCheck>(),
            failureStatus,
            tags,
            timeout));
    }
}
