using System.Net;
using MQTTnet;
using MQTTnet.Protocol;
using SmartOverhalla.Gateway.Health;
using SmartOverhalla.Gateway.Tests.Infrastructure;
using SmartOverhalla.Testing;
using SmartOverhalla.Testing.Servers;

namespace SmartOverhalla.Gateway.Tests.Health;

public sealed class HealthEndpointTests(InfluxFixture influx) : IClassFixture<InfluxFixture>
{
    private const string HealthCheckServiceCategory = "Microsoft.Extensions.Diagnostics.HealthChecks.DefaultHealthCheckService";

    [Fact]
    public async Task Given_a_real_InfluxDB_and_the_embedded_broker_when_health_is_asked_then_it_answers_200_with_both_checks_healthy()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var gateway = GatewayFactory.Embedded(influx.Url, out _).Start();

        var health = await HealthResponse.GetAsync(gateway.CreateClientWithKey(TestApiKeys.Operator), "/health", ct);

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal("Healthy", health.Status);
        Assert.Equal("Healthy", health.CheckStatus("broker"));
        Assert.Equal("Healthy", health.CheckStatus("influxdb"));
        Assert.Contains("Embedded MQTT broker listening", health.CheckDescription("broker"), StringComparison.Ordinal);
        Assert.Contains(influx.Url.GetLeftPart(UriPartial.Authority), health.Check("influxdb").GetProperty("data").GetProperty("url").GetString(), StringComparison.Ordinal);
        Assert.True(health.CheckDuration("influxdb") > TimeSpan.Zero);
        gateway.AssertNoUnexpectedErrors();
    }

    [Fact]
    public async Task Given_InfluxDB_configured_where_nothing_listens_when_health_is_asked_then_it_answers_503_naming_influxdb_unhealthy()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var gateway = GatewayFactory.Embedded(GatewayFactory.DeadInfluxUrl(), out _).Start();

        var health = await HealthResponse.GetAsync(gateway.CreateClient(), "/health", ct);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        Assert.Equal("Unhealthy", health.Status);
        Assert.Equal("Unhealthy", health.CheckStatus("influxdb"));
        Assert.Contains("does not answer", health.CheckDescription("influxdb"), StringComparison.Ordinal);
        Assert.Equal("Healthy", health.CheckStatus("broker"));
        gateway.AssertNoUnexpectedErrors(HealthCheckServiceCategory);
    }

    [Fact]
    public async Task Given_InfluxDB_is_unreachable_when_liveness_is_asked_then_it_answers_200_without_checking_dependencies()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var gateway = GatewayFactory.Embedded(GatewayFactory.DeadInfluxUrl(), out _).Start();

        var live = await HealthResponse.GetAsync(gateway.CreateClient(), "/health/live", ct);

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal("Healthy", live.Status);
        Assert.Empty(live.Body.GetProperty("checks").EnumerateObject());
        gateway.AssertNoUnexpectedErrors();
    }

    [Fact]
    public async Task Given_InfluxDB_stops_after_start_when_health_is_asked_then_it_turns_503_within_the_cache_period_and_back_to_200_when_InfluxDB_returns()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await InfluxServer.StartAsync(ct);
        Assert.SkipUnless(server.IsOwned, "Needs an InfluxDB the tests started themselves, to stop it.");
        await using var gateway = GatewayFactory.Embedded(server.Url, out _, CacheFor(OneSecond)).Start();
        var client = gateway.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await HealthResponse.GetAsync(client, "/health", ct)).StatusCode);

        await server.StopAsync();
        var down = await WaitForStatusAsync(client, HttpStatusCode.ServiceUnavailable, ct);
        await server.StartAgainAsync(ct);
        var back = await WaitForStatusAsync(client, HttpStatusCode.OK, ct);

        Assert.Equal("Unhealthy", down.Response.CheckStatus("influxdb"));
        Assert.True(down.After <= OneSecond + HealthChecksRegistration.CheckTimeout + Slack, $"unhealthy only after {down.After}");
        Assert.Equal("Healthy", back.Response.CheckStatus("influxdb"));
        gateway.AssertNoUnexpectedErrors(HealthCheckServiceCategory);
    }

    [Fact]
    public async Task Given_a_device_connected_and_published_when_health_is_asked_then_the_broker_check_counts_the_connection_and_the_message()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var gateway = GatewayFactory.Embedded(influx.Url, out var brokerPort).Start();
        await using (var device = MqttTestClient.Clean(brokerPort))
        {
            await device.ConnectAsync(ct);
            await device.Client.PublishStringAsync($"smartcity/v1/{TestNames.Municipality()}/watermeter/w1/telemetry", "{}", MqttQualityOfServiceLevel.AtLeastOnce, cancellationToken: ct);
        }

        var health = await HealthResponse.GetAsync(gateway.CreateClientWithKey(TestApiKeys.Planner), "/health", ct);

        Assert.Equal(1, health.CheckData("broker", "connectionsTotal"));
        Assert.Equal(1, health.CheckData("broker", "messagesPublished"));
        Assert.Equal(0, health.CheckData("broker", "messagesDropped"));
        gateway.AssertNoUnexpectedErrors();
    }

    [Fact]
    public async Task Given_an_anonymous_caller_when_health_is_asked_then_it_gets_the_statuses_and_descriptions_but_no_data()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var gateway = GatewayFactory.Embedded(influx.Url, out _).Start();

        var anonymous = await HealthResponse.GetAsync(gateway.CreateClient(), "/health", ct);
        var wrongKey = await HealthResponse.GetAsync(gateway.CreateClientWithKey("not-a-key"), "/health", ct);
        var withKey = await HealthResponse.GetAsync(gateway.CreateClientWithKey(TestApiKeys.Operator), "/health", ct);

        foreach (var health in new[] { anonymous, wrongKey })
        {
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
            Assert.Equal("Healthy", health.CheckStatus("broker"));
            Assert.Contains("Embedded MQTT broker listening", health.CheckDescription("broker"), StringComparison.Ordinal);
            Assert.Empty(health.Check("broker").GetProperty("data").EnumerateObject());
            Assert.Empty(health.Check("influxdb").GetProperty("data").EnumerateObject());
        }

        Assert.Equal(0, withKey.CheckData("broker", "messagesDropped"));
    }

    private static readonly TimeSpan OneSecond = TimeSpan.FromSeconds(1);

    /// <summary>Margin for the test host and a loaded 2-core machine on top of the stated bound.</summary>
    private static readonly TimeSpan Slack = TimeSpan.FromSeconds(3);

    private static Dictionary<string, string?> CacheFor(TimeSpan duration) => new()
    {
        ["Health:ReadinessCacheDuration"] = duration.ToString("c", System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>Asks /health until it answers <paramref name="expected"/>; returns that answer and how long it took.</summary>
    private static async Task<(HealthResponse Response, TimeSpan After)> WaitForStatusAsync(HttpClient client, HttpStatusCode expected, CancellationToken ct)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        HealthResponse? last = null;
        await Eventually.UntilAsync(
            async token => (last = await HealthResponse.GetAsync(client, "/health", token)).StatusCode == expected,
            OneSecond + HealthChecksRegistration.CheckTimeout + Slack + Slack,
            $"/health answering {expected}",
            ct);
        return (last!, clock.Elapsed);
    }
}
