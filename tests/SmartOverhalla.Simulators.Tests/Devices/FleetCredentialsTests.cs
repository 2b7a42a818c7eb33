using Microsoft.Extensions.Hosting;
using SmartOverhalla.Mqtt;
using SmartOverhalla.Simulators.Devices;
using SmartOverhalla.Testing;

namespace SmartOverhalla.Simulators.Tests.Devices;

/// <summary>Simulated devices log in as themselves when given a fleet key, and the fleet can be written as the gateway's import list.</summary>
public sealed class FleetCredentialsTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 15, 17, 0, 0, TimeSpan.Zero);

    [Fact]
    public void ClientOptions_WithOwnCredentials_UseThemInsteadOfTheConnectionsUser()
    {
        var connection = new MqttConnectionOptions { Username = "shared", Password = "shared-password" };
        var username = FleetCredentials.Username("overhalla", "streetlight", "sim-light-0001");
        var password = FleetCredentials.Password("a-fleet-key-of-enough-length", username);

        var options = DeviceMqttMessages.ClientOptions(connection, "sim-light-0001", "smartcity/v1/overhalla/streetlight/sim-light-0001/status", Now, (username, password));

        var credentials = Assert.IsType<MQTTnet.MqttClientCredentials>(options.Credentials);
        Assert.Equal("overhalla/streetlight/sim-light-0001", credentials.GetUserName(options));
        Assert.Equal(password, System.Text.Encoding.UTF8.GetString(credentials.GetPassword(options)));
    }

    [Fact]
    public async Task A_host_told_to_write_its_fleet_writes_the_import_list_and_stops_without_connecting()
    {
        using var folder = new TempDirectory("so-fleet-");
        var file = folder.File("fleet.csv");
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.AddSimulators(
            o => (o.Streetlights, o.Watermeters, o.Ploughs, o.Municipality, o.WriteFleetFile) = (2, 1, 1, "namsos", file),
            // Nothing listens here: the host must not try to connect.
            mqtt => mqtt.Port = 1);
        using var host = builder.Build();

        await host.StartAsync(TestContext.Current.CancellationToken);
        await host.WaitForShutdownAsync(TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromSeconds(20), TestContext.Current.CancellationToken);

        var lines = (await File.ReadAllLinesAsync(file, TestContext.Current.CancellationToken)).Where(l => !l.StartsWith('#')).ToArray();
        Assert.Equal(
            ["streetlight,sim-light-0001,namsos", "streetlight,sim-light-0002,namsos", "watermeter,sim-water-0001,namsos", "plough,sim-plough-0001,namsos"],
            lines);
    }
}
