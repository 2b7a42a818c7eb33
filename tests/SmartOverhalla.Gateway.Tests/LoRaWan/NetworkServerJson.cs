using System.Buffers;
using System.Text;
using System.Text.Json.Nodes;
using SmartOverhalla.LoRaWan.Downlinks;
using SmartOverhalla.Testing;

namespace SmartOverhalla.Gateway.Tests.LoRaWan;

/// <summary>
/// What ChirpStack v4 and The Things Stack v3 publish for the demo light sl-0042 (DevEUI 70B3D5E75E0000A2), from the
/// LoRaWAN library's fixtures (linked into LoRaWan/Fixtures): each test edits a parsed copy, so it shows exactly what
/// differs from the documented shape.
/// </summary>
internal static class NetworkServerJson
{
    public const string DevEui = "70B3D5E75E0000A2";
    public const string LightId = "sl-0042";
    public const string Municipality = "overhalla";
    public const string ChirpStackApplication = "5c1e9d02-8f3a-4c57-b1d4-2e7a9f0c6b33";
    public const string ChirpStackUpTopic = "application/" + ChirpStackApplication + "/device/70b3d5e75e0000a2/event/up";
    public const string ChirpStackAckTopic = "application/" + ChirpStackApplication + "/device/70b3d5e75e0000a2/event/ack";
    public const string ChirpStackDownTopic = "application/" + ChirpStackApplication + "/device/70b3d5e75e0000a2/command/down";
    public const string ChirpStackWaterTopic = "application/0b7b1f4a-6c4e-4b8e-9a52-0b6f6a2c1d11/device/70b3d5e75e000001/event/up";
    public const string WaterDevEui = "70B3D5E75E000001";
    public const string TtsUpTopic = "v3/overhalla-lys@overhalla/devices/sl-0042/up";
    public const string TtsAckTopic = "v3/overhalla-lys@overhalla/devices/sl-0042/down/ack";
    public const string TtsNackTopic = "v3/overhalla-lys@overhalla/devices/sl-0042/down/nack";
    public const string TtsPushTopic = "v3/overhalla-lys@overhalla/devices/sl-0042/down/push";

    /// <summary>The shipped mapping file (deploy/lorawan/uplink-mapping.yaml).</summary>
    public static string MappingFile => RepositoryRoot.Combine("deploy", "lorawan", "uplink-mapping.yaml");

    public static JsonObject Json(string fixture) =>
        JsonNode.Parse(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "LoRaWan", "Fixtures", fixture)))!.AsObject();

    /// <summary>ChirpStack's uplink of sl-0042 reporting <paramref name="dim"/> (null: without the field), received at <paramref name="at"/>.</summary>
    public static JsonObject ChirpStackUplink(int? dim, DateTimeOffset at)
    {
        var json = Json("chirpstack-up-light.json");
        json["time"] = at.UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture);

        // ChirpStack's own reception time (what the platform reads) is each gateway's nsTime.
        foreach (var gateway in json["rxInfo"]!.AsArray())
        {
            gateway!["nsTime"] = at.UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        }

        var decoded = json["object"]!.AsObject();
        decoded.Remove("dim");
        if (dim is { } level)
        {
            decoded["dim"] = level;
        }

        return json;
    }

    public static JsonObject TtsUplink(int dim, DateTimeOffset at)
    {
        var json = Json("tts-up-light.json");
        var time = at.UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        json["received_at"] = time;
        json["uplink_message"]!["received_at"] = time;
        json["uplink_message"]!["decoded_payload"]!["dim"] = dim;
        return json;
    }

    /// <summary>ChirpStack's <c>event/ack</c> for the queue item <paramref name="queueItemId"/>.</summary>
    public static JsonObject ChirpStackAck(string queueItemId, bool acknowledged, DateTimeOffset at)
    {
        var json = Json("chirpstack-ack.json");
        json["queueItemId"] = queueItemId;
        json["acknowledged"] = acknowledged;
        json["time"] = at.UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        return json;
    }

    public static JsonObject ChirpStackAckOf(string cmdId, bool acknowledged, DateTimeOffset at) =>
        ChirpStackAck(CommandCorrelation.QueueItemId(cmdId).ToString("D"), acknowledged, at);

    /// <summary>TTS's <c>down/ack</c> (or <c>down/nack</c>) of a downlink that carried <paramref name="correlationIds"/>.</summary>
    public static JsonObject TtsAck(bool ack, IEnumerable<string> correlationIds, DateTimeOffset at)
    {
        var json = Json(ack ? "tts-down-ack.json" : "tts-down-nack.json");
        json["received_at"] = at.UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        var ids = new JsonArray(correlationIds.Select(id => (JsonNode)JsonValue.Create(id)).ToArray());
        json[ack ? "downlink_ack" : "downlink_nack"]!["correlation_ids"] = ids;
        return json;
    }

    public static byte[] Bytes(JsonNode json) => Encoding.UTF8.GetBytes(json.ToJsonString());

    public static ReadOnlySequence<byte> Sequence(JsonNode json) => new(Bytes(json));
}
