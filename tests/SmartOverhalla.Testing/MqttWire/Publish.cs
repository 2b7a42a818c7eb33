namespace SmartOverhalla.Testing.MqttWire;

/// <summary>PUBLISH (MQTT 5.0 §3.3) as received: QoS from the fixed header, packet id only for QoS 1 and 2.</summary>
public sealed record Publish(string Topic, int QoS, ushort PacketId, MqttProperties Properties, byte[] Payload)
{
    /// <summary>The RETAIN flag of the fixed header.</summary>
    public bool Retain { get; init; }

    public static Publish Parse(byte flags, byte[] body)
    {
        var qos = (flags >> 1) & 0x03;
        var reader = new PacketReader(body);
        var topic = reader.ReadString();
        var packetId = qos > 0 ? reader.ReadUInt16() : (ushort)0;
        var properties = MqttProperties.Read(ref reader);
        return new Publish(topic, qos, packetId, properties, reader.ReadRest()) { Retain = (flags & 0x01) != 0 };
    }
}
