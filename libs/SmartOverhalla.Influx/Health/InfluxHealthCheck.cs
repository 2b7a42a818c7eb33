using System.Globalization;
using System.Net;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace SmartOverhalla.Influx;

/// <summary>Pings InfluxDB's <c>/ping</c>, which answers 204 with its version when it is up (HTTP API reference, "/ping").</summary>
internal sealed class InfluxHealthCheck(IHttpClientFactory httpClientFactory, TimeProvider timeProvider) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var failure = context.Registration?.FailureStatus ?? HealthStatus.Unhealthy;
        var client = httpClientFactory.CreateClient(InfluxServiceCollectionExtensions.HttpClientName);
        var started = timeProvider.GetTimestamp();
        try
        {
            using var response = await client.GetAsync(new Uri("ping", UriKind.Relative), cancellationToken);
            var elapsed = timeProvider.GetElapsedTime(started);
            var data = new Dictionary<string, object>
            {
                ["url"] = client.BaseAddress?.ToString() ?? string.Empty,
                ["latencyMs"] = Math.Round(elapsed.TotalMilliseconds, 1),
            };
            if (response.Headers.TryGetValues("X-Influxdb-Version", out var versions))
            {
                data["version"] = string.Join(",", versions);
            }

            return response.StatusCode == HttpStatusCode.NoContent
                ? HealthCheckResult.Healthy("InfluxDB answers /ping.", data)
                : new HealthCheckResult(failure, string.Create(CultureInfo.InvariantCulture, $"InfluxDB /ping answered {(int)response.StatusCode} {response.ReasonPhrase}, not 204."), data: data);
        }
        catch (Exception ex) when (InfluxHttp.IsNoResponse(ex, cancellationToken))
        {
            return new HealthCheckResult(failure, $"InfluxDB at {client.BaseAddress} does not answer /ping: {InfluxHttp.Describe(ex, client.Timeout)}.", ex);
        }
    }
}
