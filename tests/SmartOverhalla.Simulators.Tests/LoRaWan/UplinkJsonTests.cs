using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using SmartOverhalla.Contracts.Topics;
using SmartOverhalla.Simulators.LoRaWan;
using static SmartOverhalla.Simulators.Tests.LoRaWan.LoRaWanTestDevices;

namespace SmartOverhalla.Simulators.Tests.LoRaWan;

/// <summary>The uplinks are the integrations' documented JSON (lorawan.md, "Uplink JSON shapes"), read back as a parser would.</summary>
public sealed class UplinkJsonTests
{
    [Fact]
    public void DevEui_Of_IsTheVendorPrefixAndTheStartOfTheSha256OfMunicipalityKindAndId()
    {
        var expected = "70B3D5" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes("overhalla/watermeter/wm-0001")))[..10];

        var devEui = DevEui.Of("overhalla", DeviceKind.Watermeter, "wm-0001");

        Assert.Equal(expected, devEui);
        Assert.Matches("^70B3D5[0-9A-F]{10}$", devEui);
    }

    [Fact]
    public void Topics_OfEachNetwork_AreTheIntegrationsTopicsWithLowerCaseDevEuiForChirpStack()
    {
        var chirpStack = Meter(LoRaWanNetwork.ChirpStack);
        var tts = Light(LoRaWanNetwork.Tts);
        var appId = LoRaWanProfile.Water.ChirpStackApplicationId;

        Assert.Equal($"application/{appId}/device/{chirpStack.DevEui.ToLowerInvariant()}/event/up", chirpStack.UplinkTopic);
        Assert.Equal($"application/{appId}/device/{chirpStack.DevEui.ToLowerInvariant()}/event/ack", chirpStack.DownlinkAckTopic);
        Assert.Equal($"application/{appId}/device/{chirpStack.DevEui.ToLowerInvariant()}/command/down", chirpStack.DownlinkTopic);
        Assert.Equal("v3/overhalla-lys/devices/sim-light-0001/up", tts.UplinkTopic);
        Assert.Equal("v3/overhalla-lys/devices/sim-light-0001/down/ack", tts.DownlinkAckTopic);
        Assert.Equal("v3/overhalla-lys/devices/sim-light-0001/down/push", tts.DownlinkTopic);
    }

    [Fact]
    public void NameBasedUuid_Of_IsStableWithVersion5AndTheRfc4122Variant()
    {
        var id = NameBasedUuid.Of("vannmalere");
        var text = id.ToString("D");

        Assert.Equal(id, NameBasedUuid.Of("vannmalere"));
        Assert.NotEqual(id, NameBasedUuid.Of("gatelys"));
        Assert.Equal('5', text[14]);
        Assert.Contains(text[19], "89ab");
        Assert.StartsWith(Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes("vannmalere")))[..8].ToLowerInvariant(), text, StringComparison.Ordinal);
    }

    [Fact]
    public void ChirpStackUplink_OfAWaterReading_HasTheDocumentedFieldsAndTypes()
    {
        var device = Meter(LoRaWanNetwork.ChirpStack);
        var payload = WaterUplink.From(WaterReading());
        var frame = Frame(device, payload, fCnt: 10);

        using var json = JsonDocument.Parse(ChirpStackJson.Uplink(frame));
        var root = json.RootElement;

        Assert.Matches("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$", root.GetProperty("deduplicationId").GetString());
        Assert.Equal(frame.ReceivedAt, DateTimeOffset.Parse(root.GetProperty("time").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        var info = root.GetProperty("deviceInfo");
        Assert.Equal("vannmalere", info.GetProperty("applicationName").GetString());
        Assert.Equal(NameBasedUuid.Of("vannmalere").ToString("D"), info.GetProperty("applicationId").GetString());
        Assert.Equal("SO-Water-LoRa", info.GetProperty("deviceProfileName").GetString());
        Assert.Equal("wm-0001", info.GetProperty("deviceName").GetString());
        Assert.Equal(device.DevEui.ToLowerInvariant(), info.GetProperty("devEui").GetString());
        Assert.Equal("Overhalla kommune", info.GetProperty("tenantName").GetString());
        Assert.Equal(10, root.GetProperty("fCnt").GetInt32());
        Assert.Equal(2, root.GetProperty("fPort").GetInt32());
        Assert.False(root.GetProperty("confirmed").GetBoolean());
        Assert.Equal(payload.Encode(), Convert.FromBase64String(root.GetProperty("data").GetString()!));

        var decoded = root.GetProperty("object");
        Assert.Equal(123.456789, decoded.GetProperty("volume_m3").GetDouble(), 9);
        Assert.Equal(0.0123, decoded.GetProperty("flow_m3h").GetDouble(), 9);
        Assert.Equal(8.47, decoded.GetProperty("temperature").GetDouble(), 9);
        Assert.Equal(97, decoded.GetProperty("battery").GetInt32());
        string[] alarms = ["leak", "burst", "backflow", "dry", "tamper", "low_battery"];
        Assert.Equal(alarms, decoded.GetProperty("alarms").EnumerateObject().Select(p => p.Name));
        Assert.All(decoded.GetProperty("alarms").EnumerateObject(), p => Assert.Equal(JsonValueKind.False, p.Value.ValueKind));

        var rx = root.GetProperty("rxInfo").EnumerateArray().ToList();
        Assert.InRange(rx.Count, 1, 3);
        Assert.All(rx, g =>
        {
            Assert.Matches("^[0-9a-f]{16}$", g.GetProperty("gatewayId").GetString());
            Assert.InRange(g.GetProperty("rssi").GetInt32(), -140, -30);
            Assert.InRange(g.GetProperty("snr").GetDouble(), -15, 12);
        });
        Assert.InRange(root.GetProperty("txInfo").GetProperty("frequency").GetInt64(), 863_000_000, 870_000_000);
        Assert.Equal(125_000, root.GetProperty("txInfo").GetProperty("modulation").GetProperty("lora").GetProperty("bandwidth").GetInt32());
    }

    [Fact]
    public void ChirpStackUplink_OfALight_HasTheLightProfileAndEveryDecodedField()
    {
        var frame = Frame(Light(LoRaWanNetwork.ChirpStack), LightUplink.From(LightReading(dim: 0, lampOn: false)), fCnt: 0);

        using var json = JsonDocument.Parse(ChirpStackJson.Uplink(frame));
        var root = json.RootElement;

        Assert.Equal("gatelys", root.GetProperty("deviceInfo").GetProperty("applicationName").GetString());
        Assert.Equal("SO-Light-LoRa", root.GetProperty("deviceInfo").GetProperty("deviceProfileName").GetString());
        Assert.Equal(0, root.GetProperty("fCnt").GetInt32());
        var decoded = root.GetProperty("object");
        Assert.Equal(0, decoded.GetProperty("dim").GetInt32());
        Assert.Equal(0.5, decoded.GetProperty("power_w").GetDouble());
        Assert.Equal(1_234_567.891234, decoded.GetProperty("energy_wh").GetDouble(), 6);
        Assert.Equal(JsonValueKind.False, decoded.GetProperty("lamp_on").ValueKind);
    }

    [Fact]
    public void TtsUplink_OfAWaterReading_HasTheDocumentedFieldsWithUpperCaseDevEui()
    {
        var device = Meter(LoRaWanNetwork.Tts);
        var payload = WaterUplink.From(WaterReading(leak: true));
        var frame = Frame(device, payload, fCnt: 10);

        using var json = JsonDocument.Parse(TtsJson.Uplink(frame, "gs:uplink:01H"));
        var root = json.RootElement;

        var ids = root.GetProperty("end_device_ids");
        Assert.Equal("wm-0001", ids.GetProperty("device_id").GetString());
        Assert.Equal("overhalla-vann", ids.GetProperty("application_ids").GetProperty("application_id").GetString());
        Assert.Equal(device.DevEui, ids.GetProperty("dev_eui").GetString());
        Assert.Matches("^[0-9A-F]{16}$", ids.GetProperty("dev_eui").GetString());
        Assert.Matches("^[0-9A-F]{8}$", ids.GetProperty("dev_addr").GetString());
        Assert.Equal(frame.ReceivedAt, DateTimeOffset.Parse(root.GetProperty("received_at").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.InRange((frame.ReceivedAt - ReadingTime).TotalMilliseconds, 150, 600);

        var uplink = root.GetProperty("uplink_message");
        Assert.Equal(10, uplink.GetProperty("f_cnt").GetInt32());
        Assert.Equal(2, uplink.GetProperty("f_port").GetInt32());
        Assert.Equal(payload.Encode(), Convert.FromBase64String(uplink.GetProperty("frm_payload").GetString()!));
        var versions = uplink.GetProperty("version_ids");
        Assert.Equal("smartoverhalla", versions.GetProperty("brand_id").GetString());
        Assert.Equal("so-water-lora", versions.GetProperty("model_id").GetString());

        var decoded = uplink.GetProperty("decoded_payload");
        Assert.Equal(123.456789, decoded.GetProperty("volume_m3").GetDouble(), 9);
        Assert.Equal(97, decoded.GetProperty("battery").GetInt32());

        // The raised flag is there; the flags that are off are left out (the mapping's default: false covers them).
        Assert.Equal(["leak"], decoded.GetProperty("alarms").EnumerateObject().Select(p => p.Name));
        Assert.True(decoded.GetProperty("alarms").GetProperty("leak").GetBoolean());

        Assert.All(uplink.GetProperty("rx_metadata").EnumerateArray(), g =>
        {
            Assert.False(string.IsNullOrEmpty(g.GetProperty("gateway_ids").GetProperty("gateway_id").GetString()));
            Assert.InRange(g.GetProperty("rssi").GetInt32(), -140, -30);
        });
        Assert.Equal(JsonValueKind.String, uplink.GetProperty("settings").GetProperty("frequency").ValueKind);
    }

    [Fact]
    public void TtsUplink_OfFrameZero_LeavesOutFCntAsTtsDoes()
    {
        var frame = Frame(Light(LoRaWanNetwork.Tts), LightUplink.From(LightReading(dim: 0, lampOn: false)), fCnt: 0);

        using var json = JsonDocument.Parse(TtsJson.Uplink(frame, "gs:uplink:01H"));
        var uplink = json.RootElement.GetProperty("uplink_message");

        Assert.False(uplink.TryGetProperty("f_cnt", out _));
        Assert.Equal(3, uplink.GetProperty("f_port").GetInt32());
        Assert.Equal("so-light-lora", uplink.GetProperty("version_ids").GetProperty("model_id").GetString());

        // Readings are not protobuf fields: a dark lamp still says dim 0 and lamp_on false.
        var decoded = uplink.GetProperty("decoded_payload");
        Assert.Equal(0, decoded.GetProperty("dim").GetInt32());
        Assert.Equal(JsonValueKind.False, decoded.GetProperty("lamp_on").ValueKind);
    }

    [Fact]
    public void UplinkRadio_Next_CountsFramesUpByOneAndKeepsTheSignalPlausible()
    {
        var radio = new UplinkRadio(Meter(LoRaWanNetwork.ChirpStack), seed: 42);
        var payload = WaterUplink.From(WaterReading());

        var frames = Enumerable.Range(0, 50).Select(i => radio.Next(payload, ReadingTime.AddMinutes(i))).ToList();

        Assert.Equal(Enumerable.Range(0, 50).Select(i => frames[0].FCnt + (uint)i), frames.Select(f => f.FCnt));
        Assert.All(frames, f =>
        {
            Assert.InRange(f.Gateways.Count, 1, 3);
            Assert.All(f.Gateways, g => Assert.InRange(g.Snr, -15, 12));
            Assert.Equal(f.Gateways.Max(g => g.Rssi), f.Gateways[0].Rssi);
        });
        Assert.Single(frames.Select(f => f.DevAddr).Distinct());
        Assert.True(frames.Max(f => f.Gateways[0].Rssi) - frames.Min(f => f.Gateways[0].Rssi) <= 8, "a device's signal stays near its own base");
    }
}
