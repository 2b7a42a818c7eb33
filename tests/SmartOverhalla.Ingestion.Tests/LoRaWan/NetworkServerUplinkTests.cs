using System.Globalization;
using System.Text;
using SmartOverhalla.Contracts.Validation;
using SmartOverhalla.Ingestion.Pipeline;
using SmartOverhalla.LoRaWan;
using SmartOverhalla.Testing;
using SmartOverhalla.Testing.Servers;

namespace SmartOverhalla.Ingestion.Tests.LoRaWan;

/// <summary>
/// Issue 12: uplinks of ChirpStack v4 and The Things Stack v3 integrations, published on a real Mosquitto in the shapes
/// the two projects document, are stored once each in a real InfluxDB as the registered devices' telemetry, with radio
/// quality; an uplink delivered twice is stored once; one whose profile is not in the mapping file, and one from a
/// DevEUI nobody registered, are rejects with their reasons. The worker maps DevEUIs from its cached copy of the
/// registry's list: the gateway is not running, as after a restart while it is down.
/// </summary>
public sealed class NetworkServerUplinkTests(MosquittoFixture mosquitto, InfluxFixture influx)
    : IClassFixture<MosquittoFixture>, IClassFixture<InfluxFixture>
{
    private const string WaterApplicationId = "0b7b1f4a-6c4e-4b8e-9a52-0b6f6a2c1d11";
    private const string ChirpWaterEui = "70B3D5E75E00A001";
    private const string TtsLightEui = "70B3D5E75E00A002";
    private const string TtsWaterEui = "70B3D5E75E00A003";
    private const string UnmappedEui = "70B3D5E75E00A004";
    private const string UnknownEui = "70B3D5E75E00A0FF";
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Uplinks_of_both_network_servers_are_stored_once_with_radio_quality_and_what_does_not_map_is_rejected()
    {
        var ct = TestContext.Current.CancellationToken;
        using var folder = new TempDirectory("lorawan-ingestion");
        await using var h = new IngestionHarness(mosquitto.Server.Host, mosquitto.Server.Port, influx.Url, new Dictionary<string, string?>
        {
            ["LoRaWan:MappingFile"] = Path.Combine(RepositoryRoot.Path, "deploy", "lorawan", "uplink-mapping.yaml"),
            ["LoRaWan:GatewayUrl"] = $"http://127.0.0.1:{FreeTcpPort.Next()}/",
            ["LoRaWan:ApiKey"] = "not-used-the-gateway-is-down",
            ["LoRaWan:DirectoryCacheFile"] = folder.File("lorawan-devices.json"),
        });

        // Given: the registry's DevEUI list as the worker cached it the last time it reached the gateway
        var m = h.Municipality;
        await File.WriteAllTextAsync(folder.File("lorawan-devices.json"), $$"""
            {"devices":[
              {"devEui":"{{ChirpWaterEui}}","kind":"watermeter","deviceId":"wm-lora-1","municipality":"{{m}}"},
              {"devEui":"{{TtsLightEui}}","kind":"streetlight","deviceId":"sl-lora-1","municipality":"{{m}}"},
              {"devEui":"{{TtsWaterEui}}","kind":"watermeter","deviceId":"wm-lora-2","municipality":"{{m}}"},
              {"devEui":"{{UnmappedEui}}","kind":"watermeter","deviceId":"wm-lora-3","municipality":"{{m}}"}
            ]}
            """, ct);
        await h.StartWorkerAsync(ct);
        var now = TimeProvider.System.GetUtcNow();
        var t0 = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, TimeSpan.Zero).AddMinutes(-10).AddMilliseconds(123);

        // When: a ChirpStack water meter's uplink arrives three times (the broker re-delivers it byte for byte, and a
        // second integration sends it with its own reception time), TTS sends a light's frame 0 and a water meter's,
        // and a ChirpStack device of a profile the mapping file does not know, and an unregistered DevEUI, send theirs
        var water = """{"volume_m3":123.456,"flow_m3h":0.012,"temperature":8.5,"battery":97,"alarms":{"leak":true,"low_battery":false}}""";
        var chirpTopic = NetworkServerUplinks.ChirpStackTopic(WaterApplicationId, ChirpWaterEui);
        var chirp = NetworkServerUplinks.ChirpStack(WaterApplicationId, "vannmalere", "SO-Water-LoRa", "vm-01", ChirpWaterEui, 10, t0, water, ("0016c001ff10a235", -97, 3.5), ("0016c001ff10a236", -88, 7.25));
        var sameFromAnotherIntegration = NetworkServerUplinks.ChirpStack(WaterApplicationId, "vannmalere", "SO-Water-LoRa", "vm-01", ChirpWaterEui, 10, t0.AddMilliseconds(400), water, ("0016c001ff10a236", -90, 6.0));
        await h.PublishRawAsync(chirpTopic, chirp, ct);
        await h.PublishRawAsync(chirpTopic, chirp, ct);
        await h.PublishRawAsync(chirpTopic, sameFromAnotherIntegration, ct);
        await h.PublishRawAsync(
            NetworkServerUplinks.TtsTopic("overhalla-lys", "lys-tts-1"),
            NetworkServerUplinks.Tts("overhalla-lys", "lys-tts-1", TtsLightEui, 0, t0.AddSeconds(5), "smartoverhalla", "so-light-lora", """{"dim":70,"power_w":28.4,"energy_wh":123456,"lamp_on":true}""", ("overhalla-radhus", -61, 9.5)),
            ct);
        await h.PublishRawAsync(
            NetworkServerUplinks.TtsTopic("overhalla-vann", "vm-tts-2"),
            NetworkServerUplinks.Tts("overhalla-vann", "vm-tts-2", TtsWaterEui, 4711, t0.AddSeconds(6), "smartoverhalla", "so-water-lora", """{"volume_m3":0.5,"flow_m3h":0,"temperature":7,"battery":55}""", ("overhalla-radhus", -118, -12.5), ("skage-gw", -121, -14)),
            ct);
        var unmappedTopic = NetworkServerUplinks.ChirpStackTopic(WaterApplicationId, UnmappedEui);
        await h.PublishRawAsync(
            unmappedTopic,
            NetworkServerUplinks.ChirpStack(WaterApplicationId, "vannmalere", "Acme-Meter-9", "acme-1", UnmappedEui, 3, t0.AddSeconds(7), water, ("0016c001ff10a235", -100, 1)),
            ct);
        await h.PublishRawAsync(
            NetworkServerUplinks.ChirpStackTopic(WaterApplicationId, UnknownEui),
            NetworkServerUplinks.ChirpStack(WaterApplicationId, "vannmalere", "SO-Water-LoRa", "stranger", UnknownEui, 1, t0.AddSeconds(8), water, ("0016c001ff10a235", -100, 1)),
            ct);

        // Then: three readings, each once, and two rejects
        await Eventually.UntilAsync(
            async c => await h.Influx.CountAsync("watermeter", "volumeL", c, retentionPolicy: "water_raw") == 2
                && await h.Influx.CountAsync("streetlight", "dimLevel", c) == 1
                && await h.Influx.CountAsync("ingestion_reject", "count", c) == 2,
            Deadline,
            "two water readings, one light reading and two rejects",
            ct);

        var meters = await h.Influx.RowsAsync("SELECT * FROM \"water_raw\".\"watermeter\" ORDER BY time", ct);
        var chirpRow = Assert.Single(meters, r => r.Series.GetString(r.Row, "device") == "wm-lora-1");
        Assert.Equal(m, chirpRow.Series.GetString(chirpRow.Row, "municipality"));
        Assert.Equal(t0, chirpRow.Series.GetTime(chirpRow.Row));
        Assert.Equal(123_456, chirpRow.Series.GetDouble(chirpRow.Row, "volumeL")!.Value, 6);
        Assert.Equal(12, chirpRow.Series.GetDouble(chirpRow.Row, "flowLph")!.Value, 6);
        Assert.Equal(true, chirpRow.Series.GetBoolean(chirpRow.Row, "alarmLeak"));
        Assert.Equal(false, chirpRow.Series.GetBoolean(chirpRow.Row, "alarmBurst"));
        Assert.Equal(10, chirpRow.Series.GetInt64(chirpRow.Row, "fCnt"));

        // The copy from the other integration was stamped with the first copy's reception time, so it overwrote the
        // same point: its radio figures are the ones stored (one gateway at -90 dBm), and there is still one row.
        Assert.Equal(-90, chirpRow.Series.GetDouble(chirpRow.Row, "rssi")!.Value, 6);
        Assert.Equal(6.0, chirpRow.Series.GetDouble(chirpRow.Row, "snr")!.Value, 6);
        Assert.Equal(1, chirpRow.Series.GetInt64(chirpRow.Row, "gateways"));

        var ttsRow = Assert.Single(meters, r => r.Series.GetString(r.Row, "device") == "wm-lora-2");
        Assert.Equal(t0.AddSeconds(6), ttsRow.Series.GetTime(ttsRow.Row));
        Assert.Equal(500, ttsRow.Series.GetDouble(ttsRow.Row, "volumeL")!.Value, 6);
        Assert.Equal(-118, ttsRow.Series.GetDouble(ttsRow.Row, "rssi")!.Value, 6);
        Assert.Equal(-12.5, ttsRow.Series.GetDouble(ttsRow.Row, "snr")!.Value, 6);
        Assert.Equal(2, ttsRow.Series.GetInt64(ttsRow.Row, "gateways"));
        Assert.Equal(4711, ttsRow.Series.GetInt64(ttsRow.Row, "fCnt"));

        var light = Assert.Single(await h.Influx.RowsAsync("SELECT * FROM streetlight", ct));
        Assert.Equal("sl-lora-1", light.Series.GetString(light.Row, "device"));
        Assert.Equal(t0.AddSeconds(5), light.Series.GetTime(light.Row));
        Assert.Equal(70, light.Series.GetInt64(light.Row, "dimLevel"));
        Assert.Equal(123.456, light.Series.GetDouble(light.Row, "energyKWh")!.Value, 6);
        Assert.Equal(0, light.Series.GetInt64(light.Row, "fCnt"));
        Assert.Equal(-61, light.Series.GetDouble(light.Row, "rssi")!.Value, 6);

        var rejects = await h.Influx.RowsAsync("SELECT * FROM ingestion_reject", ct);
        Assert.All(rejects, r => Assert.Equal(RejectPointFactory.LoRaWanKind, r.Series.GetString(r.Row, "kind")));
        var unmapped = Assert.Single(rejects, r => r.Series.GetString(r.Row, "reason") == LoRaWanReasons.Unmapped);
        Assert.Equal(unmappedTopic, unmapped.Series.GetString(unmapped.Row, "topic"));
        Assert.Contains("device profile 'Acme-Meter-9'", unmapped.Series.GetString(unmapped.Row, "problems"), StringComparison.Ordinal);
        var unknown = Assert.Single(rejects, r => r.Series.GetString(r.Row, "reason") == LoRaWanReasons.DeviceUnknown);
        Assert.Contains(UnknownEui, unknown.Series.GetString(unknown.Row, "problems"), StringComparison.Ordinal);
        h.Logs!.AssertNoUnexpectedErrors();
    }

    [Fact]
    public async Task Without_any_DevEUI_list_an_uplink_is_rejected_as_directory_unavailable_not_as_an_unknown_device()
    {
        // Given a worker that has never reached the gateway and has no cached list
        var ct = TestContext.Current.CancellationToken;
        using var folder = new TempDirectory("lorawan-no-directory");
        await using var h = new IngestionHarness(mosquitto.Server.Host, mosquitto.Server.Port, influx.Url, new Dictionary<string, string?>
        {
            ["LoRaWan:MappingFile"] = Path.Combine(RepositoryRoot.Path, "deploy", "lorawan", "uplink-mapping.yaml"),
            ["LoRaWan:GatewayUrl"] = $"http://127.0.0.1:{FreeTcpPort.Next()}/",
            ["LoRaWan:ApiKey"] = "not-used-the-gateway-is-down",
            ["LoRaWan:DirectoryCacheFile"] = folder.File("lorawan-devices.json"),
        });
        await h.StartWorkerAsync(ct);
        var now = TimeProvider.System.GetUtcNow();
        var water = """{"volume_m3":1.5,"flow_m3h":0,"temperature":8,"battery":90}""";

        // When a mapped uplink comes
        await h.PublishRawAsync(
            NetworkServerUplinks.ChirpStackTopic(WaterApplicationId, ChirpWaterEui),
            NetworkServerUplinks.ChirpStack(WaterApplicationId, "vannmalere", "SO-Water-LoRa", "vm-01", ChirpWaterEui, 1, now.AddMinutes(-1), water, ("0016c001ff10a235", -97, 3.5)),
            ct);

        // Then it is kept as a reject that says why: the list is missing, not the device
        await Eventually.UntilAsync(async c => await h.Influx.CountAsync("ingestion_reject", "count", c) == 1, Deadline, "the reject", ct);
        var reject = Assert.Single(await h.Influx.RowsAsync("SELECT * FROM ingestion_reject", ct));
        Assert.Equal(LoRaWanReasons.DirectoryUnavailable, reject.Series.GetString(reject.Row, "reason"));
        Assert.Contains("has not been loaded", reject.Series.GetString(reject.Row, "problems"), StringComparison.Ordinal);
    }
}
