using System.Net;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace SmartOverhalla.Gateway.Health;

/// <summary>
/// InfluxDB reachability for <c>/health</c>: <c>GET {InfluxDb:Url}/ping</c> must answer 204, which InfluxDB 1.x
/// (and the v1 compatibility API of 2.x/3.x) does when it serves requests. A stand-in until the shared
/// SmartOverhalla.Influx library's <c>InfluxHealthCheck</c> is registered in its place.
/// </summary>
internal sealed class InfluxPingHealthCheck(IHttpClientFactory httpClientFactory, IOptions<InfluxDbOptions> options) : IHealthCheck
{
    public const string HttpClientName = "influxdb-health";

    private readonly Uri _pingUrl = PingUrl(options.Value.Url!);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object> { ["url"] = _pingUrl.GetLeftPart(UriPartial.Authority) };
        try
        {
            using var client = httpClientFactory.CreateClient(HttpClientName);
            using var response = await client.GetAsync(_pingUrl, cancellationToken);
            return response.StatusCode == HttpStatusCode.NoContent
                ? HealthCheckResult.Healthy($"InfluxDB at {data["url"]} answered ping.", data)
                : HealthCheckResult.Unhealthy($"InfluxDB at {data["url"]} answered ping with {(int)response.StatusCode} instead of 204.", data: data);
        }
        catch (HttpRequestException ex)
        {
            return HealthCheckResult.Unhealthy($"InfluxDB at {data["url"]} is unreachable: {ex.GetBaseException().Message}", data: data);
        }
    }

    /// <summary>Keeps a base path (InfluxDB behind a reverse proxy at <c>/influx</c>): a relative URI replaces the last segment unless the base ends in '/'.</summary>
    private static Uri PingUrl(Uri baseUrl) =>
        new(baseUrl.AbsoluteUri.EndsWith('/') ? baseUrl : new Uri(baseUrl.AbsoluteUri + "/"), "ping");
}
