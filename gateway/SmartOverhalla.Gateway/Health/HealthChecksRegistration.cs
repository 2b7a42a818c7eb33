using Microsoft.Extensions.DependencyInjection.Extensions;
using SmartOverhalla.Influx;
using SmartOverhalla.OptionsValidation;

namespace SmartOverhalla.Gateway.Health;

/// <summary>
/// Registers the gateway's health checks (<c>broker</c> and <c>influxdb</c>, both tagged for readiness), the
/// <c>Health</c> options and the cache that bounds how often <c>/health</c> runs them.
/// </summary>
internal static class HealthChecksRegistration
{
    public const string ReadyTag = "ready";
    public const string LiveTag = "live";
    public const string BrokerCheck = "broker";
    public const string InfluxDbCheck = InfluxHealthChecksBuilderExtensions.DefaultName;

    /// <summary>
    /// Upper bound for one check. An unreachable dependency usually fails fast (connection refused); a black-holed
    /// one must not hold a probe longer than a typical orchestrator's probe timeout.
    /// </summary>
    public static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(5);

    /// <summary>Adds the checks; the InfluxDB client they use comes from <c>AddInfluxDb</c> (SmartOverhalla.Influx).</summary>
    public static IServiceCollection AddGatewayHealthChecks(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);

        services.AddValidatedOptions<HealthOptions, HealthOptionsValidator>(HealthOptions.SectionName).BindConfiguration(HealthOptions.SectionName);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ReadinessReportCache>();
        services.AddHealthChecks()
            .AddCheck<BrokerHealthCheck>(BrokerCheck, tags: [ReadyTag], timeout: CheckTimeout)
            .AddInfluxDb(InfluxDbCheck, tags: [ReadyTag], timeout: CheckTimeout);
        return services;
    }
}
