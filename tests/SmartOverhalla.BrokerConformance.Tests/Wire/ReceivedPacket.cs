namespace SmartOverhalla.BrokerConformance.Tests.Wire;

/// <summary>One packet as read from the socket: its type (MQTT 5.0 §2.1.2), the flags of the fixed header and the body.</summary>
internal sealed record ReceivedPacket(PacketType Type, byte Flags, byte[] Body)
{
    public ConnAck AsConnAck() => Expect(PacketType.ConnAck, ConnAck.Parse);

    public Publish AsPublish() => Expect(PacketType.Publish, body => Publish.Parse(Flags, body));

    public SubAck AsSubAck() => Expect(PacketType.SubAck, SubAck.Parse);

    public PubAck AsPubAck() => Expect(PacketType.PubAck, PubAck.Parse);

    public Disconnect AsDisconnect() => Expect(PacketType.Disconnect, Disconnect.Parse);

    public override string ToString() => $"{Type} ({Body.Length} bytes)";

    private T Expect<T>(PacketType expected, Func<byte[], T> parse) => Type == expected
        ? parse(Body)
        : throw new InvalidDataException($"Expected {expected}, got {this}{(Type == PacketType.Disconnect ? $" with reason 0x{Disconnect.Parse(Body).ReasonCode:X2}" : string.Empty)}.");
}
