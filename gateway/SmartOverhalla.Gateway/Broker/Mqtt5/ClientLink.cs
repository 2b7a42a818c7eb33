using System.Net;
using System.Threading.Channels;
using MQTTnet.Adapter;
using MQTTnet.Formatter;
using MQTTnet.Packets;
using MQTTnet.Server.Internal;

namespace SmartOverhalla.Gateway.Broker.Mqtt5;

/// <summary>
/// One accepted network connection of a client and what its CONNECT asked of the broker: Receive Maximum (its
/// <see cref="Window"/>), Maximum Packet Size and Session Expiry Interval. Known by client id and remote end point,
/// because a client id may already have a newer connection while an older one's events still arrive.
/// </summary>
internal sealed class ClientLink
{
    private readonly Lock _sizeGate = new();
    private readonly Lock _releaseGate = new();
    private readonly CancellationTokenSource _closed = new();
    private MqttPacketFormatterAdapter? _sizeFormatter;
    private Channel<MqttPublishPacket>? _released;

    public ClientLink(string clientId, string? userName, EndPoint? remoteEndPoint, IMqttChannelAdapter adapter, MqttConnectPacket connect, int maxHeld)
    {
        ClientId = clientId;
        UserName = userName;
        RemoteEndPoint = remoteEndPoint;
        Adapter = adapter;
        MaximumPacketSize = connect.MaximumPacketSize;
        SessionExpiryInterval = connect.SessionExpiryInterval;
        Window = new ReceiveWindow(connect.ReceiveMaximum, maxHeld);
    }

    public string ClientId { get; }

    public string? UserName { get; }

    public EndPoint? RemoteEndPoint { get; }

    /// <summary>The connection's own channel: packets released from <see cref="Window"/> are written to it.</summary>
    public IMqttChannelAdapter Adapter { get; }

    /// <summary>Largest packet the client accepts, in bytes; 0 when it set no limit (§3.1.2.11.4).</summary>
    public uint MaximumPacketSize { get; }

    /// <summary>Seconds the session outlives the connection, from CONNECT (§3.1.2.11.2); DISCONNECT may change it.</summary>
    public uint SessionExpiryInterval { get; }

    public ReceiveWindow Window { get; }

    /// <summary>The connection's will, taken from its CONNECT by <see cref="DelayedWills"/>; null without one.</summary>
    public Will? Will { get; init; }

    /// <summary>The broker's session of this client, once looked up (to forget discarded messages).</summary>
    public MqttSession? Session { get; set; }

    /// <summary>Cancelled when the connection has ended.</summary>
    public CancellationToken Closed => _closed.Token;

    /// <summary>
    /// Queues a held packet that took a freed slot, for <paramref name="writer"/> to send; the writer starts with the
    /// first one. Not written by the caller (the connection's receive loop), which must never wait on the socket.
    /// </summary>
    public void QueueRelease(MqttPublishPacket packet, Func<ClientLink, ChannelReader<MqttPublishPacket>, Task> writer)
    {
        lock (_releaseGate)
        {
            if (_released is null)
            {
                _released = Channel.CreateUnbounded<MqttPublishPacket>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
                var reader = _released.Reader;
                _ = Task.Run(() => writer(this, reader));
            }

            _released.Writer.TryWrite(packet);
        }
    }

    /// <summary>The connection ended: its writer stops (the session keeps what was not sent).</summary>
    public void Close()
    {
        lock (_releaseGate)
        {
            _released?.Writer.TryComplete();
        }

        _closed.Cancel();
    }

    public bool Is(string? clientId, EndPoint? remoteEndPoint) =>
        string.Equals(ClientId, clientId, StringComparison.Ordinal) && Equals(RemoteEndPoint, remoteEndPoint);

    /// <summary>The encoded size of <paramref name="packet"/> as this connection would send it.</summary>
    public long EncodedSize(MqttPacket packet)
    {
        lock (_sizeGate)
        {
            _sizeFormatter ??= new MqttPacketFormatterAdapter(Adapter.PacketFormatterAdapter.ProtocolVersion, new MqttBufferWriter(4096, 65536));
            try
            {
                return _sizeFormatter.Encode(packet).Length;
            }
            finally
            {
                _sizeFormatter.Cleanup();
            }
        }
    }
}
