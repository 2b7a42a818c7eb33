using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using SmartOverhalla.Contracts.Validation;
using SmartOverhalla.LoRaWan.Topics;

namespace SmartOverhalla.LoRaWan.Uplinks;

/// <summary>
/// The Things Stack v3's application uplink in its JSON form ("Data Formats" in its documentation):
/// <c>end_device_ids</c> (device_id, application_ids, dev_eui), <c>received_at</c> and <c>uplink_message</c> with
/// <c>f_port</c>, <c>f_cnt</c>, <c>frm_payload</c>, <c>decoded_payload</c>, <c>rx_metadata</c> (per gateway
/// <c>rssi</c>/<c>channel_rssi</c> and <c>snr</c>), <c>received_at</c> and <c>version_ids</c>. TTS omits fields whose
/// value is "", 0 or false, so an absent counter or port is 0.
/// </summary>
internal static class TtsUplinkReader
{
    public static bool TryRead(NetworkTopic topic, JsonElement root, [NotNullWhen(true)] out NetworkUplink? uplink, [NotNullWhen(false)] out ValidationProblem? problem)
    {
        uplink = null;

        // The console's and CLI's "simulate uplink": not a reading of the device, and anyone with that right could
        // otherwise write a meter's register.
        if (JsonFields.Boolean(root, "simulated") == true)
        {
            problem = new ValidationProblem("simulated", LoRaWanReasons.Simulated, "a simulated uplink (The Things Stack console or CLI), not the device's");
            return false;
        }

        if (JsonFields.Object(root, "end_device_ids") is not { } ids)
        {
            problem = UplinkParser.Missing("end_device_ids", "end_device_ids");
            return false;
        }

        if (JsonFields.String(ids, "device_id") is not { Length: > 0 } deviceId || deviceId != topic.Device)
        {
            problem = new ValidationProblem("end_device_ids.device_id", LoRaWanReasons.Malformed, $"must be the topic's device '{topic.Device}'");
            return false;
        }

        if (!DevEui.TryNormalize(JsonFields.String(ids, "dev_eui"), out var devEui))
        {
            problem = UplinkParser.Missing("end_device_ids.dev_eui", "end_device_ids.dev_eui (16 hex digits)");
            return false;
        }

        if (JsonFields.Object(root, "uplink_message") is not { } message)
        {
            problem = UplinkParser.Missing("uplink_message", "uplink_message");
            return false;
        }

        // The Network Server's reception time; the top-level received_at is when the Application Server got it.
        if ((JsonFields.Time(message, "received_at") ?? JsonFields.Time(root, "received_at")) is not { } receivedAt)
        {
            problem = UplinkParser.Missing("uplink_message.received_at", "uplink_message.received_at (RFC 3339)");
            return false;
        }

        var version = JsonFields.Object(message, "version_ids");
        var model = version is { } v && JsonFields.String(v, "brand_id") is { } brand && JsonFields.String(v, "model_id") is { } modelId
            ? $"{brand}/{modelId}"
            : null;
        uplink = new NetworkUplink(
            LoRaWanNetwork.TheThingsStack,
            topic.Application,
            topic.Application,
            topic.Tenant,
            model,
            null,
            devEui,
            deviceId,
            (long)(JsonFields.Number(message, "f_cnt") ?? 0),
            (int)(JsonFields.Number(message, "f_port") ?? 0),
            receivedAt,
            UplinkParser.Decoded(JsonFields.Object(message, "decoded_payload")),
            RadioMetadata.Read(JsonFields.Array(message, "rx_metadata"), "rssi", "channel_rssi", static gateway => JsonFields.Object(gateway, "gateway_ids") is { } ids ? JsonFields.String(ids, "gateway_id") : null))
        {
            FramePayload = JsonFields.String(message, "frm_payload"),
        };
        problem = null;
        return true;
    }
}
