using Microsoft.Extensions.Diagnostics.HealthChecks;
using SmartOverhalla.Gateway.Broker;

namespace SmartOverhalla.Gateway.Health;

/// <summary>The <c>broker</c> entry of <c>/health</c>: the embedded broker runs, or the external one accepts a connection.</summary>
internal sealed class BrokerHealthCheck(IBrokerStatus brokerStatus) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var report = await brokerStatus.GetStatusAsync(cancellationToken);
        return report.IsAvailable
            ? HealthCheckResult.Healthy(report.Description, report.Data)
            : HealthCheckResult.Unhealthy(report.Description, data: report.Data);
    }
}
