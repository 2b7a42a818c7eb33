using System.Net;
using MQTTnet;
using MQTTnet.Protocol;
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

        var health = await HealthResponse.GetAsync(gateway.CreateClient(), "/health", ct);

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
    public async Task Given_InfluxDB_stops_after_start_when_health_is_asked_then_it_turns_503_and_back_to_200_when_InfluxDB_returns()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await InfluxServer.StartAsync(ct);
        Assert.SkipUnless(server.IsOwned, "Needs an InfluxDB the tests started themselves, to stop it.");
        await using var gateway = GatewayFactory.Embedded(server.Url, out _).Start();
        var client = gateway.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await HealthResponse.GetAsync(client, "/health", ct)).StatusCode);

        await server.StopAsync();
        var down = await HealthResponse.GetAsync(client, "/health", ct);
        await server.StartAgainAsync(ct);
        var back = await HealthResponse.GetAsync(client, "/health", ct);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, down.StatusCode);
        Assert.Equal("Unhealthy", down.CheckStatus("influxdb"));
        Assert.Equal(HttpStatusCode.OK, back.StatusCode);
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

        var health = await HealthResponse.GetAsync(gateway.CreateClient(), "/health", ct);

        Assert.Equal(1, health.CheckData("broker", "connectionsTotal"));
        Assert.Equal(1, health.CheckData("broker", "messagesPublished"));
        Assert.Equal(0, health.CheckData("broker", "messagesDropped"));
        gateway.AssertNoUnexpectedErrors();
    }
}
