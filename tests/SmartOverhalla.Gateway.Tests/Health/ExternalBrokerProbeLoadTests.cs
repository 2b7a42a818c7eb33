using System.Diagnostics;
using System.Globalization;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using SmartOverhalla.Gateway.Broker;
using SmartOverhalla.Gateway.Health;
using SmartOverhalla.Gateway.Tests.Infrastructure;
using SmartOverhalla.Testing;
using SmartOverhalla.Testing.Servers;

namespace SmartOverhalla.Gateway.Tests.Health;

/// <summary>
/// <c>/health</c> in External broker mode under load and through an outage, against a real Mosquitto; a relay in
/// front of it counts the gateway's probe logins (security review of issue 5: one login per request saturated the
/// broker).
/// </summary>
public sealed class ExternalBrokerProbeLoadTests(InfluxFixture influx) : IClassFixture<InfluxFixture>
{
    private const string HealthCheckServiceCategory = "Microsoft.Extensions.Diagnostics.HealthChecks.DefaultHealthCheckService";
    private static readonly TimeSpan CachePeriod = TimeSpan.FromSeconds(1);

    /// <summary>Margin for the test host and a loaded 2-core machine on top of a stated bound.</summary>
    private static readonly TimeSpan Slack = TimeSpan.FromSeconds(3);

    [Fact]
    public async Task Many_concurrent_health_requests_in_External_mode_make_one_probe_login_to_Mosquitto_per_cache_period()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var mosquitto = await MosquittoServer.StartAsync(ct);
        await using var relay = new MqttConnectCountingProxy(mosquitto.Port, ExternalBrokerProbe.ClientIdPrefix);
        await using var gateway = External(relay.Port).Start();
        var client = gateway.CreateClient();

        // When 16 callers ask /health back to back for 3 seconds
        var clock = Stopwatch.StartNew();
        var answers = await Task.WhenAll(Enumerable.Range(0, 16).Select(async _ =>
        {
            var statuses = new List<HttpStatusCode>();
            while (clock.Elapsed < TimeSpan.FromSeconds(3) && statuses.Count < 10_000)
            {
                using var response = await client.GetAsync("/health", ct);
                statuses.Add(response.StatusCode);
            }

            return statuses;
        }));
        var elapsed = clock.Elapsed;
        var requests = answers.Sum(a => a.Count);

        // Then every answer is 200, and Mosquitto saw at most one probe login per started cache period
        var logins = relay.MatchingConnections;
        var checks = gateway.Services.GetRequiredService<ReadinessReportCache>().ChecksRun;
        var bound = (int)Math.Ceiling(elapsed / CachePeriod) + 1;
        TestContext.Current.TestOutputHelper?.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{requests} /health requests in {elapsed.TotalSeconds:0.0} s from 16 callers: {logins} probe logins at Mosquitto, {checks} readiness checks (bound {bound} at a {CachePeriod.TotalSeconds:0.#} s cache)"));
        Assert.All(answers.SelectMany(a => a), s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.True(requests >= 100, $"only {requests} requests: the load did not happen");
        Assert.Equal(checks, logins);
        Assert.InRange(logins, 2, bound);
        gateway.AssertNoUnexpectedErrors();
    }

    [Fact]
    public async Task A_Mosquitto_that_stops_is_reported_unhealthy_within_the_cache_period_plus_the_probe_timeout()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var mosquitto = await MosquittoServer.StartAsync(ct);
        Assert.SkipUnless(mosquitto.IsOwned, "Needs a Mosquitto the tests started themselves, to stop it.");
        await using var gateway = External(mosquitto.Port).Start();
        var client = gateway.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await HealthResponse.GetAsync(client, "/health", ct)).StatusCode);

        // When Mosquitto stops
        await mosquitto.StopAsync();
        var clock = Stopwatch.StartNew();
        HealthResponse? down = null;
        await Eventually.UntilAsync(
            async token => (down = await HealthResponse.GetAsync(client, "/health", token)).StatusCode == HttpStatusCode.ServiceUnavailable,
            CachePeriod + HealthChecksRegistration.CheckTimeout + Slack + Slack,
            "/health answering 503 after Mosquitto stopped",
            ct);
        var after = clock.Elapsed;

        // Then /health says so within the cache period plus the probe timeout, naming the broker
        TestContext.Current.TestOutputHelper?.WriteLine($"unhealthy {after.TotalSeconds:0.00} s after Mosquitto stopped");
        Assert.True(after <= CachePeriod + HealthChecksRegistration.CheckTimeout + Slack, $"reported only after {after}");
        Assert.Equal("Unhealthy", down!.CheckStatus("broker"));
        Assert.Contains("is unreachable", down.CheckDescription("broker"), StringComparison.Ordinal);
        gateway.AssertNoUnexpectedErrors(HealthCheckServiceCategory);
    }

    private GatewayFactory External(int mosquittoPort) => new(new Dictionary<string, string?>
    {
        ["Broker:Mode"] = "External",
        ["Broker:External:Host"] = "127.0.0.1",
        ["Broker:External:Port"] = mosquittoPort.ToString(CultureInfo.InvariantCulture),
        ["Broker:Embedded:Port"] = FreeTcpPort.Next().ToString(CultureInfo.InvariantCulture),
        ["InfluxDb:Url"] = influx.Url.ToString(),
        ["Health:ReadinessCacheDuration"] = CachePeriod.ToString("c", CultureInfo.InvariantCulture),
    });
}
