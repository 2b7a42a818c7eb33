namespace SmartOverhalla.Testing.MqttWire;

/// <summary>One packet as read from the socket: its type (MQTT 5.0 §2.1.2), the flags of the fixed header and the body.</summary>
public sealed record ReceivedPacket(PacketType Type, byte Flags, byte[] Body)
{
    public ConnAck AsConnAck() => Expect(PacketType.ConnAck, ConnAck.Parse);

    public Publish AsPublish() => Expect(PacketType.Publish, body => Publish.Parse(Flags, body));

    public SubAck AsSubAck() => Expect(PacketType.SubAck, SubAck.Parse);

    public PubAck AsPubAck() => Expect(PacketType.PubAck, PubAck.Parse);

    public Disconnect AsDisconnect() => Expect(PacketType.Disconnect, Disconnect.Parse);

    public override string ToString() => $"{Type} ({Body.Length} bytes)";

    /// <summary>
    /// Reads one packet from <paramref name="stream"/> (fixed header, remaining length, body; nothing beyond it), or null
    /// when the peer closed the connection; fails after <paramref name="timeout"/>.
    /// </summary>
    public static async Task<ReceivedPacket?> ReadAsync(Stream stream, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var deadline = new CancellationTokenSource(timeout, TimeProvider.System);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        try
        {
            var header = new byte[1];
            if (await stream.ReadAsync(header, linked.Token) == 0)
            {
                return null;
            }

            var length = 0;
            for (var shift = 0; ; shift += 7)
            {
                var next = new byte[1];
                await stream.ReadExactlyAsync(next, linked.Token);
                length |= (next[0] & 0x7F) << shift;
                if ((next[0] & 0x80) == 0)
                {
                    break;
                }
            }

            var body = new byte[length];
            await stream.ReadExactlyAsync(body, linked.Token);
            return new ReceivedPacket((PacketType)(header[0] >> 4), (byte)(header[0] & 0x0F), body);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"No packet from the broker within {timeout.TotalSeconds} s.");
        }
        catch (IOException)
        {
            // Reset by the broker: as closed.
            return null;
        }
    }

    private T Expect<T>(PacketType expected, Func<byte[], T> parse) => Type == expected
        ? parse(Body)
        : throw new InvalidDataException($"Expected {expected}, got {this}{(Type == PacketType.Disconnect ? $" with reason 0x{Disconnect.Parse(Body).ReasonCode:X2}" : string.Empty)}.");
}
