using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace SmartOverhalla.Gateway.Health;

/// <summary>Body of <c>/health</c> and <c>/health/live</c>.</summary>
/// <param name="Status">Overall status: <c>Healthy</c>, <c>Degraded</c> or <c>Unhealthy</c> (the worst of the checks).</param>
/// <param name="TotalDuration">How long all checks took together.</param>
/// <param name="Checks">One entry per dependency, keyed by check name (<c>broker</c>, <c>influxdb</c>).</param>
internal sealed record HealthReportResponse(string Status, TimeSpan TotalDuration, IReadOnlyDictionary<string, HealthCheckEntryResponse> Checks)
{
    private static readonly IReadOnlyDictionary<string, object> NoData = new Dictionary<string, object>();

    /// <summary>The body for <paramref name="report"/>; <paramref name="includeData"/> false leaves each check's data empty.</summary>
    public static HealthReportResponse From(HealthReport report, bool includeData)
    {
        ArgumentNullException.ThrowIfNull(report);
        var checks = report.Entries.ToDictionary(
            e => e.Key,
            e => new HealthCheckEntryResponse(e.Value.Status.ToString(), e.Value.Description, e.Value.Duration, includeData ? e.Value.Data : NoData),
            StringComparer.Ordinal);
        return new HealthReportResponse(report.Status.ToString(), report.TotalDuration, checks);
    }
}
