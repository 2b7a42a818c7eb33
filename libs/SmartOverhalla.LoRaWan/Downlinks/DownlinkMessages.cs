using System.Buffers;
using System.Text.Json;
using SmartOverhalla.LoRaWan.Mapping;
using SmartOverhalla.LoRaWan.Topics;

namespace SmartOverhalla.LoRaWan.Downlinks;

/// <summary>
/// Builds the downlink of a command as each network server's MQTT integration takes it: ChirpStack v4
/// <c>command/down</c> with a device queue item (<c>id</c>, <c>devEui</c>, <c>confirmed</c>, <c>fPort</c>, base64
/// <c>data</c>); The Things Stack v3 <c>down/push</c> with <c>downlinks</c> (<c>f_port</c>, base64
/// <c>frm_payload</c>, <c>priority</c>, <c>confirmed</c>, <c>correlation_ids</c>).
/// </summary>
public static class DownlinkMessages
{
    public static DownlinkMessage Build(DownlinkAddress address, CommandProfile commands, byte[] frmPayload, string cmdId)
    {
        ArgumentNullException.ThrowIfNull(address);
        ArgumentNullException.ThrowIfNull(commands);
        ArgumentNullException.ThrowIfNull(frmPayload);
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            if (address.Network == LoRaWanNetwork.ChirpStack)
            {
                writer.WriteString("id", CommandCorrelation.QueueItemId(cmdId).ToString("D"));
                writer.WriteString("devEui", address.DevEui.ToLowerInvariant());
                writer.WriteBoolean("confirmed", commands.Confirmed);
                writer.WriteNumber("fPort", commands.FPort);
                writer.WriteBase64String("data", frmPayload);
            }
            else
            {
                writer.WriteStartArray("downlinks");
                writer.WriteStartObject();
                writer.WriteNumber("f_port", commands.FPort);
                writer.WriteBase64String("frm_payload", frmPayload);
                writer.WriteString("priority", "NORMAL");
                writer.WriteBoolean("confirmed", commands.Confirmed);
                writer.WriteStartArray("correlation_ids");
                writer.WriteStringValue(CommandCorrelation.CorrelationId(cmdId));
                writer.WriteEndArray();
                writer.WriteEndObject();
                writer.WriteEndArray();
            }

            writer.WriteEndObject();
        }

        var topic = address.Network == LoRaWanNetwork.ChirpStack
            ? NetworkTopics.ChirpStackDownlink(address.Application, address.DevEui)
            : NetworkTopics.TtsDownlinkPush(address.Application, address.Tenant, address.NetworkDeviceId);
        return new DownlinkMessage(topic, buffer.WrittenSpan.ToArray());
    }
}
