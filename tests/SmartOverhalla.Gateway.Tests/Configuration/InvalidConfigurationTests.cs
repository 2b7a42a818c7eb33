using System.Globalization;
using System.Net;
using System.Net.Sockets;
using SmartOverhalla.Gateway.Tests.Infrastructure;
using SmartOverhalla.Testing;

namespace SmartOverhalla.Gateway.Tests.Configuration;

public sealed class InvalidConfigurationTests
{
    [Theory]
    [InlineData("Broker:Embedded:Port", "0", "Broker:Embedded:Port")]
    [InlineData("Broker:Embedded:Port", "70000", "Broker:Embedded:Port")]
    [InlineData("Broker:Embedded:BindAddress", "not-an-address", "Broker:Embedded:BindAddress")]
    [InlineData("Broker:Embedded:MaxPendingMessagesPerClient", "10", "Broker:Embedded:MaxPendingMessagesPerClient")]
    [InlineData("Broker:Mode", "Carrier", "Broker:Mode")]
    [InlineData("Broker:Mode", "7", "Broker:Mode")]
    [InlineData("InfluxDb:Url", "influx.local", "InfluxDb:Url")]
    public async Task Given_an_invalid_setting_when_the_gateway_starts_then_start_fails_with_a_message_naming_the_setting(string key, string value, string named)
    {
        await using var gateway = GatewayApplication.Build(Settings((key, value)));

        var error = await Assert.ThrowsAnyAsync<Exception>(() => gateway.StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains(named, AllMessages(error), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_External_mode_with_an_invalid_external_port_when_the_gateway_starts_then_start_fails_naming_Broker_External_Port()
    {
        await using var gateway = GatewayApplication.Build(Settings(("Broker:Mode", "External"), ("Broker:External:Port", "0")));

        var error = await Assert.ThrowsAnyAsync<Exception>(() => gateway.StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains("Broker:External:Port", AllMessages(error), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_the_embedded_broker_port_is_taken_when_the_gateway_starts_then_start_fails_instead_of_running_without_a_broker()
    {
        using var occupant = new TcpListener(IPAddress.Loopback, 0);
        occupant.Start();
        var port = ((IPEndPoint)occupant.LocalEndpoint).Port;
        await using var gateway = GatewayApplication.Build(Settings(("Broker:Embedded:Port", port.ToString(CultureInfo.InvariantCulture))));

        var error = await Assert.ThrowsAnyAsync<Exception>(() => gateway.StartAsync(TestContext.Current.CancellationToken));

        var socketError = Assert.IsType<SocketException>(Flatten(error).OfType<SocketException>().FirstOrDefault(), exactMatch: false);
        Assert.Equal(SocketError.AddressAlreadyInUse, socketError.SocketErrorCode);
    }

    private static Dictionary<string, string?> Settings(params (string Key, string Value)[] overrides)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Broker:Embedded:Port"] = FreeTcpPort.Next().ToString(CultureInfo.InvariantCulture),
            ["InfluxDb:Url"] = GatewayFactory.DeadInfluxUrl().ToString(),
        };
        foreach (var (key, value) in overrides)
        {
            settings[key] = value;
        }

        return settings;
    }

    private static string AllMessages(Exception error) => string.Join(" | ", Flatten(error).Select(e => e.Message));

    private static IEnumerable<Exception> Flatten(Exception error)
    {
        yield return error;
        var inner = error is AggregateException aggregate ? aggregate.InnerExceptions : (IEnumerable<Exception>)(error.InnerException is null ? [] : [error.InnerException]);
        foreach (var child in inner.SelectMany(Flatten))
        {
            yield return child;
        }
    }
}
