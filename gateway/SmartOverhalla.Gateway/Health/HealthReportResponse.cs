using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace SmartOverhalla.Gateway.Health;

/// <summary>Body of <c>/health</c> and <c>/health/live</c>.</summary>
/// <param name="Status">Overall status: <c>Healthy</c>, <c>Degraded</c> or <c>Unhealthy</c> (the worst of the checks).</param>
/// <param name="TotalDuration">How long all checks took together.</param>
/// <param name="Checks">One entry per dependency, keyed by check name (<c>broker</c>, <c>influxdb</c>).</param>
internal sealed record HealthReportResponse(string Status, TimeSpan TotalDuration, IReadOnlyDictionary<string, HealthCheckEntryResponse> Checks)
{
    public static HealthReportResponse From(HealthReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var checks = report.Entries.ToDictionary(
            e => e.Key,
            e => new HealthCheckEntryResponse(e.Value.Status.ToString(), e.Value.Description, e.Value.Duration, e.Value.Data),
            StringComparer.Ordinal);
        return new HealthReportResponse(report.Status.ToString(), report.TotalDuration, checks);
    }
}
