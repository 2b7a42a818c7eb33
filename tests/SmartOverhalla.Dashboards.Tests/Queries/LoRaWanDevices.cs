using System.Text;
using SmartOverhalla.EndToEnd.Tests;
using SmartOverhalla.Ingestion.Tests.LoRaWan;

namespace SmartOverhalla.Dashboards.Tests.Queries;

/// <summary>
/// LoRaWAN devices behind ChirpStack v4 and The Things Stack v3 (issue 12): two street lights and two water meters
/// whose uplinks the ingestion worker maps with the shipped mapping file (deploy/lorawan/uplink-mapping.yaml) and
/// stores with their radio quality (rssi, snr, gateways, fCnt), and three uplinks it cannot map, which it stores as
/// rejects of kind <c>lorawan</c>: a registered device of a profile the file does not know, a registered meter whose
/// codec output lacks the volume, and a DevEUI nobody registered. The worker knows the DevEUIs from its cached copy
/// of the registry's list (<see cref="DirectoryJson"/>); the gateway is not running.
/// </summary>
internal static class LoRaWanDevices
{
    /// <summary>The device the weakest-devices table must list first: its latest uplink is the weakest of all.</summary>
    public const string Weakest = "lora-water-02";

    /// <summary>The RSSI (dBm) of <see cref="Weakest"/>'s latest uplink (its earlier one was strong).</summary>
    public const double WeakestRssi = -119;

    /// <summary>The device with the best signal: two gateways hear it, the better at -97 dBm.</summary>
    public const string Strongest = "lora-light-01";

    private const string LightApplicationId = "6f1d3c2a-77b1-4c0e-9f0a-1a2b3c4d5e01";
    private const string WaterApplicationId = "0b7b1f4a-6c4e-4b8e-9a52-0b6f6a2c1d11";

    // Simulated DevEUIs ("70B3D5" + 10 hex digits), one per device; UnknownEui is in no registry.
    private const string Light1Eui = "70B3D5D0A5B00001";
    private const string Light2Eui = "70B3D5D0A5B00002";
    private const string Water1Eui = "70B3D5D0A5B00003";
    private const string Water2Eui = "70B3D5D0A5B00004";
    private const string AcmeEui = "70B3D5D0A5B00005";
    private const string UnknownEui = "70B3D5D0A5B000FF";

    /// <summary>Points the uplinks become (for waiting until they are stored); water readings go to <c>water_raw</c>.</summary>
    public static readonly IReadOnlyList<(string Measurement, string Field, string Where, int Count)> ExpectedPoints =
    [
        ("streetlight", "rssi", "\"device\" =~ /^lora-/", 2),
        ("watermeter", "rssi", "\"device\" =~ /^lora-/", 3),
        ("ingestion_reject", "count", "\"kind\" = 'lorawan'", 3),
    ];

    /// <summary>The registry's DevEUI list as the worker caches it (<c>GET /api/v1/devices/lorawan</c>).</summary>
    public static string DirectoryJson(string municipality) => $$"""
        {"devices":[
          {"devEui":"{{Light1Eui}}","kind":"streetlight","deviceId":"lora-light-01","municipality":"{{municipality}}"},
          {"devEui":"{{Light2Eui}}","kind":"streetlight","deviceId":"lora-light-02","municipality":"{{municipality}}"},
          {"devEui":"{{Water1Eui}}","kind":"watermeter","deviceId":"lora-water-01","municipality":"{{municipality}}"},
          {"devEui":"{{Water2Eui}}","kind":"watermeter","deviceId":"{{Weakest}}","municipality":"{{municipality}}"},
          {"devEui":"{{AcmeEui}}","kind":"watermeter","deviceId":"lora-water-03","municipality":"{{municipality}}"}
        ]}
        """;

    /// <summary>Publishes the uplinks as the network servers' MQTT integrations do, stamped a minute or less before <paramref name="now"/>.</summary>
    public static async Task PublishAsync(RawPublisher networkServer, DateTimeOffset now, CancellationToken ct)
    {
        const string light = """{"dim":70,"power_w":28.4,"energy_wh":123456,"lamp_on":true}""";
        const string water = """{"volume_m3":42.125,"flow_m3h":0.006,"temperature":7.5,"battery":88,"alarms":{"leak":false}}""";

        // ChirpStack: a light heard by two gateways (good), a meter with a fair RSSI but a poor SNR (weak).
        await PublishChirpStackAsync(networkServer, LightApplicationId, "gatelys", "SO-Light-LoRa", "lys-01", Light1Eui, 17, now.AddSeconds(-50), light, [("0016c001ff10a235", -104, 2.5), ("0016c001ff10a236", -97, 6.5)], ct);
        await PublishChirpStackAsync(networkServer, WaterApplicationId, "vannmalere", "SO-Water-LoRa", "vm-01", Water1Eui, 230, now.AddSeconds(-45), water, [("0016c001ff10a235", -112, -11.5)], ct);

        // TTS: a light with a middling signal; a meter heard well a minute ago and weakly now (its latest counts).
        await PublishTtsAsync(networkServer, "overhalla-lys", "lys-tts-02", Light2Eui, 5, now.AddSeconds(-40), "smartoverhalla", "so-light-lora", light, [("overhalla-radhus", -108, -3)], ct);
        await PublishTtsAsync(networkServer, "overhalla-vann", "vm-tts-02", Water2Eui, 41, now.AddSeconds(-60), "smartoverhalla", "so-water-lora", water, [("overhalla-radhus", -95, 7)], ct);
        await PublishTtsAsync(networkServer, "overhalla-vann", "vm-tts-02", Water2Eui, 42, now.AddSeconds(-20), "smartoverhalla", "so-water-lora", water, [("overhalla-radhus", (int)WeakestRssi, -8)], ct);

        // What does not map: an unknown profile (lorawan-unmapped), a codec without the volume (lorawan-field-missing),
        // and an unregistered DevEUI (device-unknown).
        await PublishChirpStackAsync(networkServer, WaterApplicationId, "vannmalere", "Acme-Meter-9", "acme-1", AcmeEui, 3, now.AddSeconds(-30), water, [("0016c001ff10a235", -100, 1)], ct);
        await PublishChirpStackAsync(networkServer, WaterApplicationId, "vannmalere", "SO-Water-LoRa", "vm-01", Water1Eui, 231, now.AddSeconds(-25), """{"flow_m3h":0.006,"temperature":7.5,"battery":88}""", [("0016c001ff10a235", -111, -11)], ct);
        await PublishChirpStackAsync(networkServer, WaterApplicationId, "vannmalere", "SO-Water-LoRa", "stranger", UnknownEui, 1, now.AddSeconds(-15), water, [("0016c001ff10a235", -100, 1)], ct);
    }

    private static Task PublishChirpStackAsync(
        RawPublisher networkServer, string applicationId, string applicationName, string deviceProfile, string deviceName, string devEui,
        long fCnt, DateTimeOffset time, string decoded, (string Gateway, int Rssi, double Snr)[] gateways, CancellationToken ct) =>
        networkServer.PublishAsync(
            NetworkServerUplinks.ChirpStackTopic(applicationId, devEui),
            Encoding.UTF8.GetString(NetworkServerUplinks.ChirpStack(applicationId, applicationName, deviceProfile, deviceName, devEui, fCnt, time, decoded, gateways)),
            ct);

    private static Task PublishTtsAsync(
        RawPublisher networkServer, string application, string deviceId, string devEui, long fCnt, DateTimeOffset receivedAt,
        string brand, string model, string decoded, (string Gateway, int Rssi, double Snr)[] gateways, CancellationToken ct) =>
        networkServer.PublishAsync(
            NetworkServerUplinks.TtsTopic(application, deviceId),
            Encoding.UTF8.GetString(NetworkServerUplinks.Tts(application, deviceId, devEui, fCnt, receivedAt, brand, model, decoded, gateways)),
            ct);
}
