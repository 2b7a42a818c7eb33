namespace SmartOverhalla.Testing.MqttWire;

/// <summary>The properties of a received packet, as sent: numbers, strings (a user property as "name=value") and binary data.</summary>
public sealed class MqttProperties
{
    private readonly List<(byte Id, object Value)> _items = [];

    public IReadOnlyList<(byte Id, object Value)> Items => _items;

    public bool Has(byte id) => _items.Exists(p => p.Id == id);

    /// <summary>A numeric property's value, or null when the packet does not carry it (the spec's default applies then).</summary>
    public uint? Number(byte id) => _items.Find(p => p.Id == id).Value is uint value ? value : null;

    public string? Text(byte id) => _items.Find(p => p.Id == id).Value as string;

    public override string ToString() => string.Join(", ", _items.Select(p => $"0x{p.Id:X2}={p.Value}"));

    public static MqttProperties Read(ref PacketReader reader)
    {
        var properties = new MqttProperties();
        var length = (int)reader.ReadVariableByteInteger();
        var end = reader.Position + length;
        while (reader.Position < end)
        {
            var id = reader.ReadByte();
            object value = PropertyId.EncodingOf(id) switch
            {
                PropertyEncoding.Byte => (uint)reader.ReadByte(),
                PropertyEncoding.TwoBytes => (uint)reader.ReadUInt16(),
                PropertyEncoding.FourBytes => reader.ReadUInt32(),
                PropertyEncoding.VariableByteInteger => reader.ReadVariableByteInteger(),
                PropertyEncoding.Utf8String => reader.ReadString(),
                PropertyEncoding.Binary => reader.ReadBinary(),
                PropertyEncoding.StringPair => $"{reader.ReadString()}={reader.ReadString()}",
                _ => throw new InvalidDataException($"Property 0x{id:X2}."),
            };
            properties._items.Add((id, value));
        }

        return properties;
    }
}
