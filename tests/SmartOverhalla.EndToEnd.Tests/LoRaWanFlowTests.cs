using Microsoft.Extensions.DependencyInjection;
using SmartOverhalla.Contracts.Topics;
using SmartOverhalla.Gateway.Devices;
using SmartOverhalla.Gateway.Lighting;
using SmartOverhalla.Gateway.Security;
using SmartOverhalla.Simulators.Configuration;
using SmartOverhalla.Testing;
using SmartOverhalla.Testing.Servers;

namespace SmartOverhalla.EndToEnd.Tests;

/// <summary>
/// Issue 12 end to end: simulated street lights and water meters that reach the platform through a LoRaWAN network
/// server (half as ChirpStack v4's MQTT integration, half as The Things Stack v3's), beside ones that speak the device
/// contract. The gateway registers them by DevEUI from the fleet file, the ingestion worker fetches the DevEUI list
/// from it with a service key, and the network server logs in to the embedded broker with its own account. Their
/// readings are stored as the devices' telemetry with radio quality, and a lighting step reaches the LoRaWAN lights as
/// downlinks and is acknowledged through the network server.
/// </summary>
public sealed class LoRaWanFlowTests(InfluxFixture influx) : IClassFixture<InfluxFixture>
{
    private const string NetworkServerPassword = "e2e-network-server-password-not-for-production";
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task LoRaWAN_devices_are_stored_with_radio_quality_and_LoRaWAN_lights_take_a_lighting_step_as_downlinks()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var platform = new PlatformUnderTest(influx.Url);
        var policy = new StepPolicy(platform.Municipality);
        var serviceKey = ApiKeyRing.NewKey();
        void Fleet(SimulatorOptions o)
        {
            o.Streetlights = 6;
            o.Watermeters = 4;
            o.Ploughs = 0;
            o.StreetlightInterval = TimeSpan.FromSeconds(1);
            o.WatermeterInterval = TimeSpan.FromSeconds(1);
            o.FleetKey = platform.FleetKey;
            o.LoRaWan.Network = "mixed";
            o.LoRaWan.Lights = 4;
            o.LoRaWan.Meters = 2;
            o.LoRaWan.UplinkAfterDownlink = TimeSpan.FromMilliseconds(300);
            o.NetworkServer.Password = NetworkServerPassword;
        }

        // Given: the gateway with the fleet (LoRaWAN devices with their DevEUI), the mapping file and a service key
        var mappingFile = Path.Combine(RepositoryRoot.Path, "deploy", "lorawan", "uplink-mapping.yaml");
        var settings = await platform.SecureFleetSettingsAsync(Fleet, ct);
        settings["Broker:Accounts:Ingestion:Password"] = PlatformUnderTest.IngestionPassword;
        settings["Broker:Accounts:NetworkServer:Password"] = NetworkServerPassword;
        settings["LoRaWan:MappingFile"] = mappingFile;
        settings["ApiKeys:Keys:ingestion:Hash"] = ApiKeyRing.HashOf(serviceKey);
        settings["ApiKeys:Keys:ingestion:Roles"] = ApiRoles.Service;
        settings["Lighting:ControlInterval"] = "00:00:00.200";
        settings["Lighting:AckTimeout"] = "00:00:03";
        settings["Lighting:MaxAttempts"] = "5";
        settings["Lighting:RetryBaseDelay"] = "00:00:00.200";
        settings["Lighting:RetryMaxDelay"] = "00:00:01";
        var brokerPort = await platform.StartGatewayWithEmbeddedBrokerAsync(ct, policy, settings);
        var registry = platform.GatewayServices!.GetRequiredService<DeviceRegistry>();
        var loRaWan = registry.All.Where(d => d.DevEui is not null).ToArray();
        Assert.Equal(4, loRaWan.Count(d => d.Kind == DeviceKind.Streetlight));
        Assert.Equal(2, loRaWan.Count(d => d.Kind == DeviceKind.Watermeter));
        Assert.All(loRaWan, d => Assert.False(d.HasMqttLogin));

        // And the ingestion worker, which maps DevEUIs with the gateway's list
        using var cache = platform.NewFolder("so-lorawan-");
        await platform.StartIngestionAsync("127.0.0.1", brokerPort, ct, secured: true, new Dictionary<string, string?>
        {
            ["LoRaWan:MappingFile"] = mappingFile,
            ["LoRaWan:GatewayUrl"] = platform.GatewayUrl!.ToString(),
            ["LoRaWan:ApiKey"] = serviceKey,
            ["LoRaWan:DirectoryCacheFile"] = cache.File("lorawan-devices.json"),
        });

        // When: the simulators run, the LoRaWAN ones through the network server's integration
        await platform.StartSimulatorsAsync("127.0.0.1", brokerPort, Fleet, ct);

        // Then: every LoRaWAN device's readings are stored under its registered id, with radio quality
        var lights = loRaWan.Where(d => d.Kind == DeviceKind.Streetlight).Select(d => d.DeviceId).Order().ToArray();
        var meters = loRaWan.Where(d => d.Kind == DeviceKind.Watermeter).Select(d => d.DeviceId).Order().ToArray();
        await Eventually.UntilAsync(
            async c => (await DevicesWithRadioAsync(platform, "streetlight", c)).SequenceEqual(lights)
                && (await DevicesWithRadioAsync(platform, "\"water_raw\".\"watermeter\"", c)).SequenceEqual(meters),
            Deadline,
            "readings with radio quality from every LoRaWAN light and meter",
            ct);

        // And the lights that speak the contract are stored too (without radio fields: only the LoRaWAN ones have them)
        await Eventually.UntilAsync(
            async c => (await DevicesAsync(platform, "streetlight", "dimLevel", c)).Length == 6,
            Deadline,
            "readings of all six lights",
            ct);

        // When: lighting control steps every light to 60 %
        var store = platform.GatewayServices!.GetRequiredService<LightStateStore>();
        await Eventually.UntilAsync(() => lights.All(id => store.Find(platform.Municipality, id)?.ReportedLevel is not null), Deadline, "the gateway to hear every LoRaWAN light", ct);
        policy.Set(60);

        // Then: all six acknowledge 60 %, the LoRaWAN ones through their network server, and report it
        await Eventually.UntilAsync(
            () => store.All.Count(s => s.Municipality == platform.Municipality && s.AckedLevel == 60) == 6
                && lights.All(id => store.Find(platform.Municipality, id)?.ReportedLevel == 60),
            Deadline,
            "six acks at 60 % and the LoRaWAN lights reporting 60 %",
            ct);
        Assert.DoesNotContain(store.All, s => s.Municipality == platform.Municipality && s.Unresponsive);

        // And nothing was rejected: every uplink mapped
        Assert.Equal(0, await platform.Influx.CountAsync("ingestion_reject", "count", ct));
        platform.Logs.AssertNoUnexpectedErrors();
    }

    private static Task<string[]> DevicesWithRadioAsync(PlatformUnderTest platform, string measurement, CancellationToken cancellationToken) =>
        DevicesAsync(platform, measurement, "rssi", cancellationToken);

    /// <summary>The devices that have <paramref name="field"/> in <paramref name="measurement"/>.</summary>
    private static async Task<string[]> DevicesAsync(PlatformUnderTest platform, string measurement, string field, CancellationToken cancellationToken)
    {
        var rows = await platform.Influx.RowsAsync($"SELECT last(\"{field}\") FROM {measurement} WHERE \"municipality\" = '{platform.Municipality}' GROUP BY \"device\"", cancellationToken);
        return rows.Select(r => r.Series.Tags["device"]).Distinct().Order().ToArray();
    }

    private sealed class StepPolicy(string municipality) : ILightingPolicy
    {
        private volatile LightDecision? _decision;

        public void Set(int level) => _decision = new LightDecision(level, "e2e step", "e2e");

        public LightDecision? Decide(string lightMunicipality, string lightId, DateTimeOffset now) =>
            lightMunicipality == municipality ? _decision : null;
    }
}
