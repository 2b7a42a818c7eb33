using System.Buffers;
using System.Buffers.Binary;
using System.Net.Sockets;
using SmartOverhalla.Testing.MqttWire;

namespace SmartOverhalla.PipelineBench;

/// <summary>
/// One MQTT 5 connection of the publisher, written directly on a socket so that the publisher costs a few
/// microseconds per message and never sets the pace: CONNECT (clean start), QoS 1 PUBLISH packets written in
/// batches, PUBACKs read in bulk. At most the window the broker allows (its Receive Maximum) or the one asked for is
/// unacknowledged. Nothing else of MQTT is needed here: no subscriptions, no keep-alive (0), no QoS 2.
/// </summary>
internal sealed class PublisherConnection : IAsyncDisposable
{
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
            await socket.SendAsync(PacketWriter.Connect(clientId, cleanStart: true), cancellationToken);

            // The handshake through the test library's packet reader (it reads exactly one packet), then the socket alone.
            await using var stream = new NetworkStream(socket, ownsSocket: false);
            var connAck = (await ReceivedPacket.ReadAsync(stream, TimeSpan.FromSeconds(30), cancellationToken)
                ?? throw new InvalidOperationException("The broker closed the connection instead of sending CONNACK.")).AsConnAck();
            if (connAck.ReasonCode != 0)
            {
                throw new InvalidOperationException($"The broker refused the connection (CONNACK reason 0x{connAck.ReasonCode:X2}).");
            }

            var brokerMaximum = (int?)connAck.Properties.Number(PropertyId.ReceiveMaximum) ?? ushort.MaxValue;
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
}
