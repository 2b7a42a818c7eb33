namespace SmartOverhalla.Testing.MqttWire;

/// <summary>PUBACK (MQTT 5.0 §3.4): without a reason code (remaining length 2) it means 0x00 Success.</summary>
public sealed record PubAck(ushort PacketId, byte ReasonCode)
{
    public static PubAck Parse(byte[] body)
    {
        var reader = new PacketReader(body);
        var packetId = reader.ReadUInt16();
        return new PubAck(packetId, reader.Remaining > 0 ? reader.ReadByte() : (byte)0);
    }
}
