namespace SmartOverhalla.Testing.MqttWire;

/// <summary>MQTT control packet types (MQTT 5.0 §2.1.2), the upper four bits of the first byte.</summary>
public enum PacketType : byte
{
    Connect = 1,
    ConnAck = 2,
    Publish = 3,
    PubAck = 4,
    Subscribe = 8,
    SubAck = 9,
    PingReq = 12,
    PingResp = 13,
    Disconnect = 14,
}
