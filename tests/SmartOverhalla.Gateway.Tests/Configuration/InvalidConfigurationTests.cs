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
    [InlineData("Broker:Embedded:Tls:Port", "0", "Broker:Embedded:Tls:Port: The field Port must be between 1 and 65535.")]
    [InlineData("Broker:Embedded:PublishRateLimit:Burst", "0", "Broker:Embedded:PublishRateLimit:Burst: The field Burst must be between 1 and 1000000.")]
    [InlineData("Broker:Accounts:Ingestion:Username", "smartoverhalla-gateway", "Broker:Accounts: the gateway and ingestion accounts need different user names")]
    [InlineData("Broker:Accounts:NetworkServer:Username", "smartoverhalla-ingestion", "Broker:Accounts: the network server account needs a user name of its own")]
    [InlineData("Broker:Accounts:NetworkServer:Username", "network/server", "Broker:Accounts:NetworkServer:Username")]
    [InlineData("Devices:HashIterations", "0", "Devices:HashIterations: The field HashIterations must be between 1 and 10000000.")]
    [InlineData("Devices:Mosquitto:PasswordFile", "mosquitto.passwd", "Devices:Mosquitto: set both PasswordFile and AclFile, or neither.")]
    [InlineData("Health:ReadinessCacheDuration", "00:05:00", "Health:ReadinessCacheDuration: The field ReadinessCacheDuration must be between 00:00:00 and 00:01:00.")]
    [InlineData("ApiRateLimit:PermitsPerKey", "0", "ApiRateLimit:PermitsPerKey: The field PermitsPerKey must be between 1 and 1000000.")]
    [InlineData("Audit:RetryMaxDelay", "00:00:00.500", "Audit:RetryMaxDelay: must not be shorter than RetryBaseDelay (00:00:01).")]
    [InlineData("Lighting:MaxAttempts", "0", "Lighting:MaxAttempts: The field MaxAttempts must be between 1 and 20.")]
    [InlineData("Validation:MaxDepth", "1", "Validation:MaxDepth: The field MaxDepth must be between 2 and 64.")]
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
