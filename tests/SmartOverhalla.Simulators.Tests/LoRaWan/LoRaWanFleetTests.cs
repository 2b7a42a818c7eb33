using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SmartOverhalla.Contracts.Topics;
using SmartOverhalla.Simulators.Configuration;
using SmartOverhalla.Simulators.Devices;
using SmartOverhalla.Simulators.LoRaWan;
using SmartOverhalla.Testing;

namespace SmartOverhalla.Simulators.Tests.LoRaWan;

/// <summary>Which devices speak LoRaWAN, how the options say so, and what the gateway's fleet file says about them.</summary>
public sealed class LoRaWanFleetTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 15, 18, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Create_WithMixed_PutsTheFirstLightsAndHouseholdMetersOnChirpStackAndTtsByTurns()
    {
        var options = new SimulatorOptions { Streetlights = 4, Watermeters = 4, Ploughs = 1, Municipality = "overhalla", DeviceIdPrefix = "sim" };
        (options.LoRaWan.Network, options.LoRaWan.Lights, options.LoRaWan.Meters, options.Water.Districts) = ("mixed", 3, 2, 1);

        var devices = DeviceFleet.Create(options, new FakeTimeProvider(Start));

        var loRaWan = devices.Where(d => d.LoRaWan is not null).ToDictionary(d => d.DeviceId, d => d.LoRaWan!.Network);
        Assert.Equal(
            new Dictionary<string, LoRaWanNetwork>
            {
                ["sim-light-0001"] = LoRaWanNetwork.ChirpStack,
                ["sim-light-0002"] = LoRaWanNetwork.Tts,
                ["sim-light-0003"] = LoRaWanNetwork.ChirpStack,
                ["sim-water-0001"] = LoRaWanNetwork.ChirpStack,
                ["sim-water-0002"] = LoRaWanNetwork.Tts,
            },
            loRaWan);
        var light = devices.Single(d => d.DeviceId == "sim-light-0001");
        Assert.Equal(DevEui.Of("overhalla", DeviceKind.Streetlight, "sim-light-0001"), light.LoRaWan!.DevEui);
        Assert.Equal(LoRaWanProfile.Light, light.LoRaWan.Profile);
        Assert.Equal(LoRaWanOptions.DefaultUplinkAfterDownlink, light.ReportAfterCommand);
        Assert.Equal(LoRaWanProfile.Water, devices.Single(d => d.DeviceId == "sim-water-0001").LoRaWan!.Profile);
    }

    [Fact]
    public void Create_WithCountsLargerThanTheFleet_ClampsToItAndNeverMakesAnInflowMeterLoRaWan()
    {
        var options = new SimulatorOptions { Streetlights = 2, Watermeters = 3, Ploughs = 0, Municipality = "overhalla", DeviceIdPrefix = "sim" };
        (options.LoRaWan.Network, options.Water.Districts) = ("chirpstack", 1);

        var devices = DeviceFleet.Create(options, new FakeTimeProvider(Start));

        // Defaults of 10 and 10, on a fleet of 2 lights, 3 households and an inflow meter
        Assert.Equal(["sim-light-0001", "sim-light-0002", "sim-water-0001", "sim-water-0002", "sim-water-0003"], devices.Where(d => d.LoRaWan is not null).Select(d => d.DeviceId));
        Assert.Null(devices.Single(d => d.DeviceId == "sim-inflow-01").LoRaWan);
    }

    [Fact]
    public void Create_WithoutANetwork_MakesNoDeviceLoRaWan()
    {
        var devices = DeviceFleet.Create(new SimulatorOptions { Streetlights = 2, Watermeters = 2 }, new FakeTimeProvider(Start));

        Assert.All(devices, d => Assert.Null(d.LoRaWan));
    }

    [Theory]
    [InlineData("Simulators:LoRaWan:Network", "lora", "Simulators:LoRaWan:Network 'lora' is not a network: use chirpstack, tts or mixed (or off).")]
    [InlineData("Simulators:LoRaWan:Lights", "-1", "Simulators:LoRaWan:Lights: The field Lights must be between 0 and 100000.")]
    [InlineData("Simulators:LoRaWan:Meters", "-3", "Simulators:LoRaWan:Meters: The field Meters must be between 0 and 100000.")]
    [InlineData("Simulators:LoRaWan:DuplicateProbability", "1.5", "Simulators:LoRaWan:DuplicateProbability: The field DuplicateProbability must be between 0 and 1.")]
    public async Task A_host_with_an_invalid_LoRaWAN_setting_refuses_to_start_naming_it(string key, string value, string expected)
    {
        // Given configuration as appsettings.json or the environment would give it
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Simulators:LoRaWan:Network"] = "tts", [key] = value });
        builder.AddSimulators();
        using var host = builder.Build();

        // When / Then
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(TestContext.Current.CancellationToken));
        Assert.Contains(expected, error.Failures);
    }

    [Fact]
    public async Task A_host_given_LoRaWAN_lights_without_a_network_refuses_to_start()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.AddSimulators(o => o.LoRaWan.Lights = 5);
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(TestContext.Current.CancellationToken));
        Assert.Contains(error.Failures, f => f.StartsWith("Simulators:LoRaWan:Lights is 5, but Simulators:LoRaWan:Network is not set", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_host_outside_Development_with_LoRaWAN_devices_but_no_network_server_password_refuses_to_start()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, EnvironmentName = Environments.Production });
        builder.AddSimulators(o => o.LoRaWan.Network = "chirpstack");
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(TestContext.Current.CancellationToken));
        Assert.Contains(error.Failures, f => f.StartsWith("Simulators:NetworkServer:Password is empty, but Simulators:LoRaWan:Network asks for LoRaWAN devices", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Invoke_WithLoRaWanSwitches_SetsTheirKeysWhichBindToTheOptions()
    {
        IReadOnlyDictionary<string, string?>? settings = null;
        var command = SimulatorCommandLine.Create((s, _) =>
        {
            settings = s;
            return Task.CompletedTask;
        });

        var exitCode = await command.Parse("--lorawan mixed --lorawan-lights 20 --lorawan-meters 0 --lorawan-duplicates 0.1 --lorawan-uplink-after-downlink 00:00:01")
            .InvokeAsync(cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(0, exitCode);
        var options = new ConfigurationBuilder().AddInMemoryCollection(settings!).Build().GetSection(SimulatorOptions.SectionName).Get<SimulatorOptions>()!;
        Assert.Equal("mixed", options.LoRaWan.Network);
        Assert.Equal(20, options.LoRaWan.Lights);
        Assert.Equal(0, options.LoRaWan.Meters);
        Assert.Equal(0.1, options.LoRaWan.DuplicateProbability);
        Assert.Equal(TimeSpan.FromSeconds(1), options.LoRaWan.UplinkAfterDownlink);
        Assert.Equal(NetworkServerOptions.DefaultUsername, options.NetworkServer.Username);
    }

    [Fact]
    public async Task A_host_told_to_write_its_fleet_gives_LoRaWAN_devices_their_DevEUI_in_a_fifth_column()
    {
        using var folder = new TempDirectory("so-fleet-");
        var file = folder.File("fleet.csv");
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.AddSimulators(
            o =>
            {
                (o.Streetlights, o.Watermeters, o.Ploughs, o.Municipality, o.WriteFleetFile) = (2, 2, 0, "namsos", file);
                (o.LoRaWan.Network, o.LoRaWan.Lights, o.LoRaWan.Meters) = ("tts", 1, 5);
            },
            mqtt => mqtt.Port = 1);
        using var host = builder.Build();

        await host.StartAsync(TestContext.Current.CancellationToken);
        await host.WaitForShutdownAsync(TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromSeconds(20), TestContext.Current.CancellationToken);

        var lines = (await File.ReadAllLinesAsync(file, TestContext.Current.CancellationToken)).Where(l => !l.StartsWith('#')).ToArray();
        Assert.Equal(
            [
                $"streetlight,sim-light-0001,namsos,,{DevEui.Of("namsos", DeviceKind.Streetlight, "sim-light-0001")}",
                "streetlight,sim-light-0002,namsos",
                $"watermeter,sim-water-0001,namsos,,{DevEui.Of("namsos", DeviceKind.Watermeter, "sim-water-0001")}",
                $"watermeter,sim-water-0002,namsos,,{DevEui.Of("namsos", DeviceKind.Watermeter, "sim-water-0002")}",
            ],
            lines);
    }
}
