using System.Buffers.Binary;
using System.Text;

namespace SmartOverhalla.Testing.MqttWire;

/// <summary>Writes MQTT's data types (MQTT 5.0 §1.5) into the body of one packet.</summary>
public sealed class PacketWriter
{
    private readonly List<byte> _bytes = [];

    public PacketWriter Byte(byte value)
    {
        _bytes.Add(value);
        return this;
    }

    public PacketWriter UInt16(ushort value)
    {
        Span<byte> buffer = stackalloc byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(buffer, value);
        _bytes.AddRange(buffer);
        return this;
    }

    public PacketWriter UInt32(uint value)
    {
        Span<byte> buffer = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(buffer, value);
        _bytes.AddRange(buffer);
        return this;
    }

    public PacketWriter VariableByteInteger(uint value)
    {
        do
        {
            var next = (byte)(value & 0x7F);
            value >>= 7;
            _bytes.Add(value > 0 ? (byte)(next | 0x80) : next);
        }
        while (value > 0);
        return this;
    }

    public PacketWriter String(string value) => Binary(Encoding.UTF8.GetBytes(value));

    public PacketWriter Binary(byte[] value)
    {
        UInt16((ushort)value.Length);
        _bytes.AddRange(value);
        return this;
    }

    public PacketWriter Raw(byte[] value)
    {
        _bytes.AddRange(value);
        return this;
    }

    /// <summary>A property block of numeric properties, each in its own width (strings are not needed by these tests).</summary>
    public PacketWriter Properties(params (byte Id, uint Value)[] properties)
    {
        var block = new PacketWriter();
        foreach (var (id, value) in properties)
        {
            block.Byte(id);
            _ = PropertyId.EncodingOf(id) switch
            {
                PropertyEncoding.Byte => block.Byte((byte)value),
                PropertyEncoding.TwoBytes => block.UInt16((ushort)value),
                PropertyEncoding.FourBytes => block.UInt32(value),
                PropertyEncoding.VariableByteInteger => block.VariableByteInteger(value),
                _ => throw new ArgumentException($"Property 0x{id:X2} is not numeric.", nameof(properties)),
            };
        }

        return VariableByteInteger((uint)block._bytes.Count).Raw([.. block._bytes]);
    }

    /// <summary>
    /// A whole CONNECT packet (MQTT 5.0 §3.1): protocol level 5, clean start or not, keep-alive 0 (none), no will, user
    /// name or password, and the given numeric properties.
    /// </summary>
    public static byte[] Connect(string clientId, bool cleanStart, params (byte Id, uint Value)[] properties) =>
        ConnectUpToClientId(cleanStart ? (byte)0x02 : (byte)0x00, clientId, properties).ToPacket(0x10);

    /// <summary>
    /// CONNECT with clean start and a will (MQTT 5.0 §3.1.2.5, §3.1.3.2): QoS 0, not retained, with the given numeric
    /// will properties (such as Will Delay Interval) and connect properties.
    /// </summary>
    public static byte[] ConnectWithWill(string clientId, string willTopic, byte[] willPayload, (byte Id, uint Value)[] willProperties, params (byte Id, uint Value)[] properties) =>
        ConnectUpToClientId(0x02 | 0x04, clientId, properties)
            .Properties(willProperties)
            .String(willTopic)
            .Binary(willPayload)
            .ToPacket(0x10);

    /// <summary>CONNECT's body up to the client id: protocol name and level 5, <paramref name="flags"/>, keep-alive 0, the properties.</summary>
    private static PacketWriter ConnectUpToClientId(byte flags, string clientId, (byte Id, uint Value)[] properties) =>
        new PacketWriter()
            .String("MQTT").Byte(5)
            .Byte(flags)
            .UInt16(0)
            .Properties(properties)
            .String(clientId);

    /// <summary>The whole packet: fixed header (type and flags, remaining length) and this body.</summary>
    public byte[] ToPacket(byte typeAndFlags) =>
        [.. new PacketWriter().Byte(typeAndFlags).VariableByteInteger((uint)_bytes.Count)._bytes, .. _bytes];
}
