namespace SmartOverhalla.Testing.MqttWire;

/// <summary>CONNACK (MQTT 5.0 §3.2): session present flag, reason code, properties.</summary>
public sealed record ConnAck(bool SessionPresent, byte ReasonCode, MqttProperties Properties)
{
    public static ConnAck Parse(byte[] body)
    {
        var reader = new PacketReader(body);
        var flags = reader.ReadByte();
        var reasonCode = reader.ReadByte();
        return new ConnAck((flags & 0x01) != 0, reasonCode, MqttProperties.Read(ref reader));
    }
}
