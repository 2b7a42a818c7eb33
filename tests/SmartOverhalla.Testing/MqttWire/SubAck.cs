namespace SmartOverhalla.Testing.MqttWire;

/// <summary>SUBACK (MQTT 5.0 §3.9): one reason code per topic filter (0x00-0x02 the granted QoS).</summary>
public sealed record SubAck(ushort PacketId, MqttProperties Properties, byte[] ReasonCodes)
{
    public static SubAck Parse(byte[] body)
    {
        var reader = new PacketReader(body);
        var packetId = reader.ReadUInt16();
        var properties = MqttProperties.Read(ref reader);
        return new SubAck(packetId, properties, reader.ReadRest());
    }
}
