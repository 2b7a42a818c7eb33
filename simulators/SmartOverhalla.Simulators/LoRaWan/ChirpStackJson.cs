using System.Buffers;
using System.Globalization;
using System.Text.Json;

namespace SmartOverhalla.Simulators.LoRaWan;

/// <summary>
/// The JSON of ChirpStack v4's MQTT integration (JSON marshaler: protobuf JSON, camelCase; lorawan.md, "Uplink JSON
/// shapes"): <c>event/up</c> and <c>event/ack</c> written, <c>command/down</c> read.
/// </summary>
internal static class ChirpStackJson
{
    /// <summary>The <c>event/up</c> message of <paramref name="frame"/>.</summary>
    public static byte[] Uplink(UplinkFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("deduplicationId", frame.DeduplicationId.ToString("D"));
            writer.WriteString("time", Time(frame.ReceivedAt));
            WriteDeviceInfo(writer, frame.Device);
            writer.WriteString("devAddr", frame.DevAddr.ToLowerInvariant());
            writer.WriteBoolean("adr", true);
            writer.WriteNumber("dr", frame.DataRate);
            writer.WriteNumber("fCnt", frame.FCnt);
            writer.WriteNumber("fPort", frame.Device.Profile.UplinkPort);
            writer.WriteBoolean("confirmed", false);
            writer.WriteString("data", Convert.ToBase64String(frame.FrmPayload));
            writer.WritePropertyName("object");
            frame.Decoded.WriteDecoded(writer, omitFalseAlarms: false);
            writer.WriteStartArray("rxInfo");
            foreach (var gateway in frame.Gateways)
            {
                writer.WriteStartObject();
                writer.WriteString("gatewayId", gateway.Eui.ToLowerInvariant());
                writer.WriteNumber("uplinkId", gateway.UplinkId);
                writer.WriteString("gwTime", Time(gateway.Time));
                writer.WriteNumber("rssi", gateway.Rssi);
                writer.WriteNumber("snr", gateway.Snr);
                writer.WriteNumber("channel", gateway.Channel);
                writer.WriteStartObject("location");
                writer.WriteEndObject();
                writer.WriteString("context", Convert.ToBase64String(BitConverter.GetBytes(gateway.Timestamp)));
                writer.WriteStartObject("metadata");
                writer.WriteString("region_config_id", "eu868");
                writer.WriteString("region_common_name", "EU868");
                writer.WriteEndObject();
                writer.WriteString("crcStatus", "CRC_OK");
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteStartObject("txInfo");
            writer.WriteNumber("frequency", frame.Frequency);
            writer.WriteStartObject("modulation");
            writer.WriteStartObject("lora");
            writer.WriteNumber("bandwidth", UplinkFrame.Bandwidth);
            writer.WriteNumber("spreadingFactor", frame.SpreadingFactor);
            writer.WriteString("codeRate", "CR_4_5");
            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>The <c>event/ack</c> message: the device acknowledged the confirmed downlink <paramref name="queueItemId"/>.</summary>
    public static byte[] Ack(LoRaWanIdentity device, Guid deduplicationId, DateTimeOffset time, string queueItemId, uint fCntDown)
    {
        ArgumentNullException.ThrowIfNull(device);
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("deduplicationId", deduplicationId.ToString("D"));
            writer.WriteString("time", Time(time));
            WriteDeviceInfo(writer, device);
            writer.WriteString("queueItemId", queueItemId);
            writer.WriteBoolean("acknowledged", true);
            writer.WriteNumber("fCntDown", fCntDown);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>
    /// Reads a <c>command/down</c> payload (<c>{"id","devEui","confirmed","fPort","data"}</c>) sent to the device with
    /// <paramref name="topicDevEui"/>; null and a reason when it is not one.
    /// </summary>
    public static Downlink? ReadDownlink(ReadOnlySpan<byte> payload, string topicDevEui, out string? problem)
    {
        try
        {
            using var document = JsonDocument.Parse(payload.ToArray());
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                problem = "not a JSON object";
                return null;
            }

            var id = root.TryGetProperty("id", out var idElement) && idElement.ValueKind == JsonValueKind.String ? idElement.GetString() : null;
            if (string.IsNullOrWhiteSpace(id))
            {
                problem = "no queue item id";
                return null;
            }

            if (root.TryGetProperty("devEui", out var devEui) && devEui.ValueKind == JsonValueKind.String
                && !string.Equals(devEui.GetString(), topicDevEui, StringComparison.OrdinalIgnoreCase))
            {
                problem = "devEui differs from the topic's";
                return null;
            }

            if (!root.TryGetProperty("fPort", out var fPort) || fPort.ValueKind != JsonValueKind.Number || !fPort.TryGetInt32(out var port))
            {
                problem = "no fPort";
                return null;
            }

            if (!root.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.String || !data.TryGetBytesFromBase64(out var bytes))
            {
                problem = "data is not base64";
                return null;
            }

            var confirmed = root.TryGetProperty("confirmed", out var c) && c.ValueKind == JsonValueKind.True;
            problem = null;
            return new Downlink(LoRaWanNetwork.ChirpStack, id, id, [], confirmed, port, bytes);
        }
        catch (JsonException ex)
        {
            problem = "not JSON: " + ex.Message;
            return null;
        }
    }

    /// <summary>Protobuf JSON timestamps of ChirpStack: UTC, microseconds.</summary>
    public static string Time(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    private static void WriteDeviceInfo(Utf8JsonWriter writer, LoRaWanIdentity device)
    {
        writer.WriteStartObject("deviceInfo");
        writer.WriteString("tenantId", LoRaWanProfile.TenantId.ToString("D"));
        writer.WriteString("tenantName", LoRaWanProfile.TenantName);
        writer.WriteString("applicationId", device.Profile.ChirpStackApplicationId.ToString("D"));
        writer.WriteString("applicationName", device.Profile.ChirpStackApplicationName);
        writer.WriteString("deviceProfileId", device.Profile.ChirpStackDeviceProfileId.ToString("D"));
        writer.WriteString("deviceProfileName", device.Profile.ChirpStackDeviceProfileName);
        writer.WriteString("deviceName", device.DeviceId);
        writer.WriteString("devEui", device.DevEuiLower);
        writer.WriteString("deviceClassEnabled", "CLASS_A");
        writer.WriteStartObject("tags");
        writer.WriteEndObject();
        writer.WriteEndObject();
    }
}
