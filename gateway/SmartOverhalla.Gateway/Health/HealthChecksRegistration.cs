using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace SmartOverhalla.Gateway.Health;

/// <summary>Registers the gateway's health checks: <c>broker</c> and <c>influxdb</c>, both tagged for readiness.</summary>
internal static class HealthChecksRegistration
{
    public const string ReadyTag = "ready";
    public const string LiveTag = "live";
    public const string BrokerCheck = "broker";
    public const string InfluxDbCheck = "influxdb";

    /// <summary>
    /// Upper bound for one check. An unreachable dependency usually fails fast (connection refused); a black-holed
    /// one must not hold a probe longer than a typical orchestrator's probe timeout.
    /// </summary>
    public static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(5);

    public static IServiceCollection AddGatewayHealthChecks(this IServiceCollection services, IConfiguration influxSection)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(influxSection);

        services.AddOptions<InfluxDbOptions>().Bind(influxSection).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<InfluxDbOptions>, InfluxDbOptionsValidator>());
        services.AddHttpClient(InfluxPingHealthCheck.HttpClientName);

        services.AddHealthChecks()
            .AddCheck<BrokerHealthCheck>(BrokerCheck, tags: [ReadyTag], timeout: CheckTimeout)
            .AddCheck<InfluxPingHealthCheck>(InfluxDbCheck, tags: [ReadyTag], timeout: CheckTimeout);
        return services;
    }
}
