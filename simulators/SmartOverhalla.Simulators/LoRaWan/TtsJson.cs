using System.Buffers;
using System.Globalization;
using System.Text.Json;

namespace SmartOverhalla.Simulators.LoRaWan;

/// <summary>
/// The JSON of The Things Stack v3 (lorawan.md, "Uplink JSON shapes"): <c>up</c> and <c>down/ack</c> written,
/// <c>down/push</c> read. As TTS does, fields whose value is 0, false or "" are left out (so <c>f_cnt</c> is absent for
/// frame 0), and the codec's output leaves out alarm flags that are off.
/// </summary>
internal static class TtsJson
{
    public const string CommandCorrelationPrefix = "smartoverhalla:cmd:";
    private const string JoinEui = "0000000000000000";

    /// <summary>The <c>up</c> message of <paramref name="frame"/>.</summary>
    public static byte[] Uplink(UplinkFrame frame, string gatewayCorrelationId)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var buffer = new ArrayBufferWriter<byte>(1536);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            WriteEndDeviceIds(writer, frame.Device, frame.DevAddr);
            writer.WriteStartArray("correlation_ids");
            writer.WriteStringValue(frame.CorrelationId);
            writer.WriteStringValue(gatewayCorrelationId);
            writer.WriteEndArray();
            writer.WriteString("received_at", Time(frame.ReceivedAt));
            writer.WriteStartObject("uplink_message");
            writer.WriteString("session_key_id", frame.SessionKeyId);
            NonZero(writer, "f_port", frame.Device.Profile.UplinkPort);
            NonZero(writer, "f_cnt", frame.FCnt);
            writer.WriteString("frm_payload", Convert.ToBase64String(frame.FrmPayload));
            writer.WritePropertyName("decoded_payload");
            frame.Decoded.WriteDecoded(writer, omitFalseAlarms: true);
            writer.WriteStartArray("rx_metadata");
            foreach (var gateway in frame.Gateways)
            {
                writer.WriteStartObject();
                writer.WriteStartObject("gateway_ids");
                writer.WriteString("gateway_id", gateway.Name);
                writer.WriteString("eui", gateway.Eui);
                writer.WriteEndObject();
                writer.WriteString("time", Time(gateway.Time));
                NonZero(writer, "timestamp", gateway.Timestamp);
                writer.WriteNumber("rssi", gateway.Rssi);
                writer.WriteNumber("channel_rssi", gateway.Rssi);
                if (gateway.Snr != 0)
                {
                    writer.WriteNumber("snr", gateway.Snr);
                }

                writer.WriteString("uplink_token", Convert.ToBase64String(BitConverter.GetBytes(((ulong)gateway.UplinkId << 32) | gateway.Timestamp)));
                NonZero(writer, "channel_index", gateway.Channel);
                writer.WriteString("received_at", Time(gateway.Time + TimeSpan.FromMilliseconds(20)));
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteStartObject("settings");
            writer.WriteStartObject("data_rate");
            writer.WriteStartObject("lora");
            writer.WriteNumber("bandwidth", UplinkFrame.Bandwidth);
            writer.WriteNumber("spreading_factor", frame.SpreadingFactor);
            writer.WriteString("coding_rate", "4/5");
            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.WriteString("frequency", frame.Frequency.ToString(CultureInfo.InvariantCulture));
            NonZero(writer, "timestamp", frame.Gateways.Count > 0 ? frame.Gateways[0].Timestamp : 0);
            writer.WriteEndObject();
            writer.WriteString("received_at", Time(frame.ReceivedAt - TimeSpan.FromMilliseconds(30)));
            writer.WriteString("consumed_airtime", Airtime(frame));
            writer.WriteStartObject("version_ids");
            writer.WriteString("brand_id", LoRaWanProfile.TtsBrandId);
            writer.WriteString("model_id", frame.Device.Profile.TtsModelId);
            writer.WriteString("hardware_version", "1.0");
            writer.WriteString("firmware_version", "1.0");
            writer.WriteString("band_id", "EU_863_870");
            writer.WriteEndObject();
            writer.WriteStartObject("network_ids");
            writer.WriteString("net_id", "000013");
            writer.WriteString("tenant_id", "ttn");
            writer.WriteString("cluster_id", "eu1");
            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>The <c>down/ack</c> message: the device acknowledged the confirmed <paramref name="downlink"/>.</summary>
    public static byte[] DownlinkAck(LoRaWanIdentity device, string devAddr, string sessionKeyId, Downlink downlink, uint fCntDown, DateTimeOffset receivedAt, string correlationId)
    {
        ArgumentNullException.ThrowIfNull(device);
        ArgumentNullException.ThrowIfNull(downlink);
        var buffer = new ArrayBufferWriter<byte>(768);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            WriteEndDeviceIds(writer, device, devAddr);
            writer.WriteStartArray("correlation_ids");
            foreach (var id in downlink.CorrelationIds.Append(correlationId))
            {
                writer.WriteStringValue(id);
            }

            writer.WriteEndArray();
            writer.WriteString("received_at", Time(receivedAt));
            writer.WriteStartObject("downlink_ack");
            writer.WriteString("session_key_id", sessionKeyId);
            NonZero(writer, "f_port", downlink.FPort);
            NonZero(writer, "f_cnt", fCntDown);
            if (downlink.FrmPayload.Length > 0)
            {
                writer.WriteString("frm_payload", Convert.ToBase64String(downlink.FrmPayload));
            }

            writer.WriteBoolean("confirmed", true);
            writer.WriteString("priority", "NORMAL");
            writer.WriteStartArray("correlation_ids");
            foreach (var id in downlink.CorrelationIds.Append(correlationId))
            {
                writer.WriteStringValue(id);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>
    /// Reads a <c>down/push</c> payload (<c>{"downlinks":[{f_port, frm_payload, confirmed, correlation_ids, …}]}</c>);
    /// an empty list and a reason when it is not one. Absent fields are TTS's zero values.
    /// </summary>
    public static IReadOnlyList<Downlink> ReadDownlinks(ReadOnlySpan<byte> payload, out string? problem)
    {
        try
        {
            using var document = JsonDocument.Parse(payload.ToArray());
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("downlinks", out var items)
                || items.ValueKind != JsonValueKind.Array
                || items.GetArrayLength() == 0)
            {
                problem = "no downlinks";
                return [];
            }

            var downlinks = new List<Downlink>();
            foreach (var item in items.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.Object)
                {
                    problem = "a downlink is not an object";
                    return [];
                }

                var port = 0;
                if (item.TryGetProperty("f_port", out var fPort) && (fPort.ValueKind != JsonValueKind.Number || !fPort.TryGetInt32(out port)))
                {
                    problem = "f_port is not a number";
                    return [];
                }

                var bytes = Array.Empty<byte>();
                if (item.TryGetProperty("frm_payload", out var data) && (data.ValueKind != JsonValueKind.String || !data.TryGetBytesFromBase64(out bytes!)))
                {
                    problem = "frm_payload is not base64";
                    return [];
                }

                List<string> correlationIds = [];
                if (item.TryGetProperty("correlation_ids", out var ids) && ids.ValueKind == JsonValueKind.Array)
                {
                    correlationIds.AddRange(ids.EnumerateArray().Where(i => i.ValueKind == JsonValueKind.String).Select(i => i.GetString()!));
                }

                var commandId = correlationIds.FirstOrDefault(i => i.StartsWith(CommandCorrelationPrefix, StringComparison.Ordinal)) is { } command
                    ? command[CommandCorrelationPrefix.Length..]
                    : correlationIds.FirstOrDefault();
                if (string.IsNullOrEmpty(commandId))
                {
                    problem = "no correlation id to answer";
                    return [];
                }

                var confirmed = item.TryGetProperty("confirmed", out var c) && c.ValueKind == JsonValueKind.True;
                downlinks.Add(new Downlink(LoRaWanNetwork.Tts, commandId, null, correlationIds, confirmed, port, bytes));
            }

            problem = null;
            return downlinks;
        }
        catch (JsonException ex)
        {
            problem = "not JSON: " + ex.Message;
            return [];
        }
    }

    /// <summary>RFC 3339 with the fraction TTS (Go) writes: trailing zeros trimmed.</summary>
    public static string Time(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    private static void WriteEndDeviceIds(Utf8JsonWriter writer, LoRaWanIdentity device, string devAddr)
    {
        writer.WriteStartObject("end_device_ids");
        writer.WriteString("device_id", device.DeviceId);
        writer.WriteStartObject("application_ids");
        writer.WriteString("application_id", device.Profile.TtsApplicationId);
        writer.WriteEndObject();
        writer.WriteString("dev_eui", device.DevEui);
        writer.WriteString("join_eui", JoinEui);
        writer.WriteString("dev_addr", devAddr);
        writer.WriteEndObject();
    }

    private static void NonZero(Utf8JsonWriter writer, string name, long value)
    {
        if (value != 0)
        {
            writer.WriteNumber(name, value);
        }
    }

    /// <summary>Time on air of the frame (Semtech AN1200.13, 125 kHz, CR 4/5, explicit header, 8 preamble symbols).</summary>
    private static string Airtime(UplinkFrame frame)
    {
        var sf = frame.SpreadingFactor;
        var symbol = Math.Pow(2, sf) / UplinkFrame.Bandwidth;
        var lowDataRate = sf >= 11 ? 1 : 0;
        var phyPayload = frame.FrmPayload.Length + 13;
        var symbols = 8 + Math.Max(Math.Ceiling(((8.0 * phyPayload) - (4 * sf) + 28 + 16) / (4 * (sf - (2 * lowDataRate)))) * 5, 0);
        var seconds = (12.25 + symbols) * symbol;
        return seconds.ToString("0.######", CultureInfo.InvariantCulture) + "s";
    }
}
