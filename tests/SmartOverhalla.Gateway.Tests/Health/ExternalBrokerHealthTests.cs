using System.Globalization;
using System.Net;
using SmartOverhalla.Gateway.Tests.Infrastructure;
using SmartOverhalla.Testing;
using SmartOverhalla.Testing.Servers;

namespace SmartOverhalla.Gateway.Tests.Health;

public sealed class ExternalBrokerHealthTests(MosquittoFixture mosquitto, InfluxFixture influx)
    : IClassFixture<MosquittoFixture>, IClassFixture<InfluxFixture>
{
    [Fact]
    public async Task Given_External_mode_pointing_at_a_real_Mosquitto_when_health_is_asked_then_the_broker_is_healthy_and_no_embedded_broker_listens()
    {
        var ct = TestContext.Current.CancellationToken;
        var unusedEmbeddedPort = FreeTcpPort.Next();
        await using var gateway = External(mosquitto.Server.Port, unusedEmbeddedPort).Start();

        var health = await HealthResponse.GetAsync(gateway.CreateClientWithKey(TestApiKeys.Operator), "/health", ct);

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal("Healthy", health.CheckStatus("broker"));
        Assert.Equal("External", health.Check("broker").GetProperty("data").GetProperty("mode").GetString());
        Assert.Contains($"127.0.0.1:{mosquitto.Server.Port}", health.CheckDescription("broker"), StringComparison.Ordinal);
        Assert.False(await FreeTcpPort.IsOpenAsync(unusedEmbeddedPort, ct), "In External mode the gateway must not host a broker.");
        gateway.AssertNoUnexpectedErrors();
    }

    [Fact]
    public async Task Given_External_mode_pointing_at_a_port_where_nothing_listens_when_health_is_asked_then_it_answers_503_naming_the_broker_unhealthy()
    {
        var ct = TestContext.Current.CancellationToken;
        var deadPort = FreeTcpPort.Next();
        await using var gateway = External(deadPort, FreeTcpPort.Next()).Start();

        var health = await HealthResponse.GetAsync(gateway.CreateClient(), "/health", ct);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        Assert.Equal("Unhealthy", health.CheckStatus("broker"));
        Assert.Contains($"127.0.0.1:{deadPort} is unreachable", health.CheckDescription("broker"), StringComparison.Ordinal);
        Assert.Equal("Healthy", health.CheckStatus("influxdb"));
        gateway.AssertNoUnexpectedErrors("Microsoft.Extensions.Diagnostics.HealthChecks.DefaultHealthCheckService");
    }

    private GatewayFactory External(int externalPort, int embeddedPort) => new(new Dictionary<string, string?>
    {
        ["Broker:Mode"] = "External",
        ["Broker:External:Host"] = "127.0.0.1",
        ["Broker:External:Port"] = externalPort.ToString(CultureInfo.InvariantCulture),
        ["Broker:Embedded:Port"] = embeddedPort.ToString(CultureInfo.InvariantCulture),
        ["InfluxDb:Url"] = influx.Url.ToString(),
    });
}
