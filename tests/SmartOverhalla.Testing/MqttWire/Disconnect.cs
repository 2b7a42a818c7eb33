namespace SmartOverhalla.Testing.MqttWire;

/// <summary>DISCONNECT (MQTT 5.0 §3.14): an empty body means 0x00 Normal disconnection.</summary>
public sealed record Disconnect(byte ReasonCode)
{
    public static Disconnect Parse(byte[] body) => new(body.Length > 0 ? body[0] : (byte)0);
}
