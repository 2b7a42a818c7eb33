using System.Buffers.Binary;
using System.Text;

namespace SmartOverhalla.Testing.MqttWire;

/// <summary>Reads MQTT's data types (MQTT 5.0 §1.5) from the body of one packet.</summary>
public ref struct PacketReader(ReadOnlySpan<byte> body)
{
    private readonly ReadOnlySpan<byte> _body = body;

    public int Position { get; private set; }

    public readonly int Remaining => _body.Length - Position;

    public byte ReadByte() => _body[Position++];

    public ushort ReadUInt16()
    {
        var value = BinaryPrimitives.ReadUInt16BigEndian(_body[Position..]);
        Position += 2;
        return value;
    }

    public uint ReadUInt32()
    {
        var value = BinaryPrimitives.ReadUInt32BigEndian(_body[Position..]);
        Position += 4;
        return value;
    }

    public uint ReadVariableByteInteger()
    {
        uint value = 0;
        for (var shift = 0; shift < 28; shift += 7)
        {
            var next = ReadByte();
            value |= (uint)(next & 0x7F) << shift;
            if ((next & 0x80) == 0)
            {
                return value;
            }
        }

        throw new InvalidDataException("Variable byte integer longer than 4 bytes.");
    }

    public string ReadString() => Encoding.UTF8.GetString(ReadBinary());

    public byte[] ReadBinary()
    {
        var length = ReadUInt16();
        var value = _body.Slice(Position, length).ToArray();
        Position += length;
        return value;
    }

    public byte[] ReadRest()
    {
        var value = _body[Position..].ToArray();
        Position = _body.Length;
        return value;
    }
}
