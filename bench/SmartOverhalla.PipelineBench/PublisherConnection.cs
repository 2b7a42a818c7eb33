using System.Buffers;
using System.Buffers.Binary;
using System.Net.Sockets;
using System.Text;

namespace SmartOverhalla.PipelineBench;

/// <summary>
/// One MQTT 5 connection of the publisher, written directly on a socket so that the publisher costs a few
/// microseconds per message and never sets the pace: CONNECT (clean start), QoS 1 PUBLISH packets written in
/// batches, PUBACKs read in bulk. At most the window the broker allows (its Receive Maximum) or the one asked for is
/// unacknowledged. Nothing else of MQTT is needed here: no subscriptions, no keep-alive (0), no QoS 2.
/// </summary>
internal sealed class PublisherConnection : IAsyncDisposable
{
    private const int ReceiveMaximumProperty = 0x21;
    private readonly Socket _socket;
    private readonly SemaphoreSlim _window;
    private readonly bool[] _inFlight = new bool[65_536];
    private readonly Lock _ids = new();
    private readonly byte[] _receive = new byte[64 * 1024];
    private ushort _nextId;
    private int _failed;

    private PublisherConnection(Socket socket, int window)
    {
        _socket = socket;
        Window = window;
        _window = new SemaphoreSlim(window, window);
    }

    /// <summary>Messages this connection may have unacknowledged.</summary>
    public int Window { get; }

    /// <summary>PUBACKs with a failure reason code (≥ 0x80).</summary>
    public int Failed => Volatile.Read(ref _failed);

    public static async Task<PublisherConnection> ConnectAsync(string host, int port, string clientId, int window, CancellationToken cancellationToken)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(host, port, cancellationToken);
            var id = Encoding.UTF8.GetBytes(clientId);
            var packet = new List<byte> { 0x10 };
            var body = new List<byte> { 0, 4, (byte)'M', (byte)'Q', (byte)'T', (byte)'T', 5, 0x02, 0, 0, 0 };
            body.AddRange([(byte)(id.Length >> 8), (byte)id.Length]);
            body.AddRange(id);
            packet.AddRange(VarInt(body.Count));
            packet.AddRange(body);
            await socket.SendAsync(packet.ToArray(), cancellationToken);

            var connack = await ReadPacketAsync(socket, cancellationToken);
            if (connack.Type != 0x20 || connack.Body.Length < 2 || connack.Body[1] != 0)
            {
                throw new InvalidOperationException($"The broker refused the connection (CONNACK reason 0x{(connack.Body.Length > 1 ? connack.Body[1] : 0xFF):X2}).");
            }

            var brokerMaximum = ReceiveMaximum(connack.Body.AsSpan(2)) ?? 65_535;
            return new PublisherConnection(socket, Math.Min(window, brokerMaximum));
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Reads PUBACKs until the connection closes, giving each one's window slot back.</summary>
    public async Task ReadAcknowledgementsAsync(CancellationToken cancellationToken)
    {
        var filled = 0;
        while (true)
        {
            var read = await _socket.ReceiveAsync(_receive.AsMemory(filled), cancellationToken);
            if (read == 0)
            {
                return;
            }

            filled += read;
            var consumed = 0;
            while (TryPacket(_receive.AsSpan(consumed, filled - consumed), out var type, out var body, out var length))
            {
                if (type == 0x40)
                {
                    Acknowledged(BinaryPrimitives.ReadUInt16BigEndian(body), body.Length > 2 ? body[2] : (byte)0);
                }

                consumed += length;
            }

            _receive.AsSpan(consumed, filled - consumed).CopyTo(_receive);
            filled -= consumed;
        }
    }

    /// <summary>Takes a window slot and a packet id, and appends a QoS 1 PUBLISH to <paramref name="buffer"/>.</summary>
    public async ValueTask AppendPublishAsync(ArrayBufferWriter<byte> buffer, byte[] topic, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
    {
        if (!_window.Wait(0, CancellationToken.None))
        {
            // The window is full: send what is batched before waiting, or the acknowledgements it waits for never come.
            await FlushAsync(buffer, cancellationToken);
            await _window.WaitAsync(cancellationToken);
        }

        ushort id;
        lock (_ids)
        {
            do
            {
                id = _nextId = (ushort)(_nextId == ushort.MaxValue ? 1 : _nextId + 1);
            }
            while (_inFlight[id]);
            _inFlight[id] = true;
        }

        var remaining = 2 + topic.Length + 2 + 1 + payload.Length;
        var span = buffer.GetSpan(1 + 4 + remaining);
        span[0] = 0x32;
        var at = 1 + WriteVarInt(span[1..], remaining);
        BinaryPrimitives.WriteUInt16BigEndian(span[at..], (ushort)topic.Length);
        topic.CopyTo(span[(at + 2)..]);
        at += 2 + topic.Length;
        BinaryPrimitives.WriteUInt16BigEndian(span[at..], id);
        span[at + 2] = 0;
        payload.Span.CopyTo(span[(at + 3)..]);
        buffer.Advance(at + 3 + payload.Length);
    }

    public async ValueTask FlushAsync(ArrayBufferWriter<byte> buffer, CancellationToken cancellationToken)
    {
        if (buffer.WrittenCount > 0)
        {
            await _socket.SendAsync(buffer.WrittenMemory, cancellationToken);
            buffer.ResetWrittenCount();
        }
    }

    /// <summary>Waits until every message sent is acknowledged.</summary>
    public async Task DrainAsync(CancellationToken cancellationToken)
    {
        for (var i = 0; i < Window; i++)
        {
            await _window.WaitAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _socket.SendAsync(new byte[] { 0xE0, 0x00 });
            _socket.Shutdown(SocketShutdown.Both);
        }
        catch (SocketException)
        {
            // Already closed.
        }

        _socket.Dispose();
        _window.Dispose();
    }

    private void Acknowledged(ushort id, byte reason)
    {
        lock (_ids)
        {
            _inFlight[id] = false;
        }

        if (reason >= 0x80)
        {
            Interlocked.Increment(ref _failed);
        }

        _window.Release();
    }

    private static bool TryPacket(ReadOnlySpan<byte> data, out byte type, out ReadOnlySpan<byte> body, out int length)
    {
        type = 0;
        body = default;
        length = 0;
        if (data.Length < 2)
        {
            return false;
        }

        int remaining = 0, shift = 0, at = 1;
        byte next;
        do
        {
            if (at >= data.Length)
            {
                return false;
            }

            next = data[at++];
            remaining |= (next & 0x7F) << shift;
            shift += 7;
        }
        while ((next & 0x80) != 0);
        if (data.Length < at + remaining)
        {
            return false;
        }

        type = (byte)(data[0] & 0xF0);
        body = data.Slice(at, remaining);
        length = at + remaining;
        return true;
    }

    private static async Task<(byte Type, byte[] Body)> ReadPacketAsync(Socket socket, CancellationToken cancellationToken)
    {
        var header = new byte[1];
        await socket.ReceiveAsync(header, cancellationToken);
        int remaining = 0, shift = 0;
        var one = new byte[1];
        do
        {
            await socket.ReceiveAsync(one, cancellationToken);
            remaining |= (one[0] & 0x7F) << shift;
            shift += 7;
        }
        while ((one[0] & 0x80) != 0);
        var body = new byte[remaining];
        for (var filled = 0; filled < remaining;)
        {
            var read = await socket.ReceiveAsync(body.AsMemory(filled), cancellationToken);
            filled += read > 0 ? read : throw new InvalidOperationException("The broker closed the connection during CONNACK.");
        }

        return ((byte)(header[0] & 0xF0), body);
    }

    /// <summary>The Receive Maximum property of a CONNACK's properties, if present.</summary>
    private static int? ReceiveMaximum(ReadOnlySpan<byte> properties)
    {
        if (properties.IsEmpty)
        {
            return null;
        }

        int length = 0, shift = 0, at = 0;
        byte next;
        do
        {
            next = properties[at++];
            length |= (next & 0x7F) << shift;
            shift += 7;
        }
        while ((next & 0x80) != 0);
        var end = at + length;
        while (at < end)
        {
            var id = properties[at++];
            switch (id)
            {
                case ReceiveMaximumProperty:
                    return BinaryPrimitives.ReadUInt16BigEndian(properties[at..]);
                case 0x24 or 0x25 or 0x28 or 0x29 or 0x2A or 0x01 or 0x17 or 0x19:
                    at += 1;
                    break;
                case 0x13 or 0x22:
                    at += 2;
                    break;
                case 0x11 or 0x27:
                    at += 4;
                    break;
                case 0x12 or 0x1A or 0x1C or 0x1F or 0x15 or 0x16 or 0x03 or 0x08 or 0x09:
                    at += 2 + BinaryPrimitives.ReadUInt16BigEndian(properties[at..]);
                    break;
                case 0x26:
                    at += 2 + BinaryPrimitives.ReadUInt16BigEndian(properties[at..]);
                    at += 2 + BinaryPrimitives.ReadUInt16BigEndian(properties[at..]);
                    break;
                default:
                    return null;
            }
        }

        return null;
    }

    private static int WriteVarInt(Span<byte> span, int value)
    {
        var at = 0;
        do
        {
            var digit = (byte)(value % 128);
            value /= 128;
            span[at++] = value > 0 ? (byte)(digit | 0x80) : digit;
        }
        while (value > 0);
        return at;
    }

    private static byte[] VarInt(int value)
    {
        var bytes = new byte[4];
        return bytes[..WriteVarInt(bytes, value)];
    }
}
