using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using SmartOverhalla.LoRaWan.Topics;
using SmartOverhalla.LoRaWan.Uplinks;

namespace SmartOverhalla.LoRaWan.Downlinks;

/// <summary>
/// Reads ChirpStack v4's <c>event/ack</c> (<c>deviceInfo.devEui</c>, <c>queueItemId</c>, <c>acknowledged</c>,
/// <c>time</c>) and TTS v3's <c>down/ack</c> / <c>down/nack</c> (<c>end_device_ids.dev_eui</c>,
/// <c>downlink_ack</c> / <c>downlink_nack</c> with the downlink's <c>correlation_ids</c>). Never throws.
/// </summary>
public static class DownlinkAckParser
{
    public static bool TryParse(NetworkTopic topic, ReadOnlySequence<byte> payload, [NotNullWhen(true)] out DownlinkAck? ack)
    {
        ArgumentNullException.ThrowIfNull(topic);
        ack = null;
        if (topic.Event is not (NetworkEvent.DownlinkAck or NetworkEvent.DownlinkNack) || !JsonFields.IsUtf8(payload))
        {
            return false;
        }

        try
        {
            using var document = JsonDocument.Parse(payload, new JsonDocumentOptions { MaxDepth = 32 });
            var root = document.RootElement;
            ack = topic.Network == LoRaWanNetwork.ChirpStack ? ChirpStack(topic, root) : Tts(topic, root);
            return ack is not null;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static DownlinkAck? ChirpStack(NetworkTopic topic, JsonElement root)
    {
        var devEuiText = JsonFields.Object(root, "deviceInfo") is { } info ? JsonFields.String(info, "devEui") : topic.Device;
        if (!DevEui.TryNormalize(devEuiText, out var devEui) || !Guid.TryParse(JsonFields.String(root, "queueItemId"), out var queueItemId))
        {
            return null;
        }

        // Protobuf's JSON form may leave out a false 'acknowledged'.
        return new DownlinkAck(LoRaWanNetwork.ChirpStack, devEui, JsonFields.Boolean(root, "acknowledged") ?? false, queueItemId, null, JsonFields.Time(root, "time"));
    }

    private static DownlinkAck? Tts(NetworkTopic topic, JsonElement root)
    {
        if (JsonFields.Object(root, "end_device_ids") is not { } ids || !DevEui.TryNormalize(JsonFields.String(ids, "dev_eui"), out var devEui))
        {
            return null;
        }

        var acknowledged = topic.Event == NetworkEvent.DownlinkAck;
        if (JsonFields.Object(root, acknowledged ? "downlink_ack" : "downlink_nack") is not { } downlink
            || JsonFields.Array(downlink, "correlation_ids") is not { } correlation)
        {
            return null;
        }

        var cmdId = CommandCorrelation.CommandIdIn(correlation.EnumerateArray()
            .Where(id => id.ValueKind == JsonValueKind.String)
            .Select(id => id.GetString()!));
        return cmdId is null ? null : new DownlinkAck(LoRaWanNetwork.TheThingsStack, devEui, acknowledged, null, cmdId, JsonFields.Time(root, "received_at"));
    }
}
