using System.Net;
using System.Net.Sockets;

namespace SmartOverhalla.Testing.MqttWire;

/// <summary>
/// An MQTT 5 client that is only a TCP socket and the packet layouts of the spec: it sends exactly what a test says
/// (nothing automatic: no acknowledgement, no keep-alive) and hands back every packet the broker sends, so a test can
/// read the properties of a CONNACK or count unacknowledged PUBLISH packets. Loopback only.
/// </summary>
public sealed class RawMqttClient : IAsyncDisposable
{
    /// <summary>How long one read waits for the broker's next packet before the test fails.</summary>
    public static readonly TimeSpan ReadTimeout = TimeSpan.FromSeconds(10);

    private readonly TcpClient _tcp;
    private readonly NetworkStream _stream;
    private readonly Queue<ReceivedPacket> _early = new();

    private RawMqttClient(TcpClient tcp)
    {
        _tcp = tcp;
        _stream = tcp.GetStream();
    }

    public static async Task<RawMqttClient> OpenAsync(int port, CancellationToken cancellationToken)
    {
        var tcp = new TcpClient { NoDelay = true };
        try
        {
            await tcp.ConnectAsync(IPAddress.Loopback, port, cancellationToken);
            return new RawMqttClient(tcp);
        }
        catch
        {
            tcp.Dispose();
            throw;
        }
    }

    /// <summary>Sends CONNECT (MQTT 5.0 §3.1) with clean start, keep-alive 0 (none) and the given numeric properties; returns the CONNACK.</summary>
    public Task<ConnAck> ConnectAsync(string clientId, CancellationToken cancellationToken, params (byte Id, uint Value)[] properties) =>
        ConnectAsync(clientId, cleanStart: true, cancellationToken, properties);

    /// <summary>Sends CONNECT without clean start, so that the broker resumes the client's session if it has one.</summary>
    public Task<ConnAck> ResumeAsync(string clientId, CancellationToken cancellationToken, params (byte Id, uint Value)[] properties) =>
        ConnectAsync(clientId, cleanStart: false, cancellationToken, properties);

    /// <summary>Waits until the broker has closed the connection (after a DISCONNECT), skipping any packet still on its way.</summary>
    public async Task WaitForCloseAsync(CancellationToken cancellationToken)
    {
        while (await ReadAsync(cancellationToken) is not null)
        {
        }
    }

    private async Task<ConnAck> ConnectAsync(string clientId, bool cleanStart, CancellationToken cancellationToken, (byte Id, uint Value)[] properties)
    {
        await SendAsync(PacketWriter.Connect(clientId, cleanStart, properties), cancellationToken);
        var packet = await ReadAsync(cancellationToken) ?? throw new InvalidDataException("The broker closed the connection instead of sending CONNACK.");
        return packet.AsConnAck();
    }

    /// <summary>Sends CONNECT with clean start and a will (see <see cref="PacketWriter.ConnectWithWill"/>); returns the CONNACK.</summary>
    public async Task<ConnAck> ConnectWithWillAsync(
        string clientId, string willTopic, byte[] willPayload, (byte Id, uint Value)[] willProperties, CancellationToken cancellationToken, params (byte Id, uint Value)[] properties)
    {
        await SendAsync(PacketWriter.ConnectWithWill(clientId, willTopic, willPayload, willProperties, properties), cancellationToken);
        var packet = await ReadAsync(cancellationToken) ?? throw new InvalidDataException("The broker closed the connection instead of sending CONNACK.");
        return packet.AsConnAck();
    }

    /// <summary>
    /// Sends SUBSCRIBE (MQTT 5.0 §3.8) for one filter at <paramref name="qos"/>, with the given numeric properties (such
    /// as a Subscription Identifier), and returns the SUBACK. A broker may send matching PUBLISH packets before the
    /// SUBACK (§3.8.4): those are kept, and <see cref="ReadAsync"/> returns them first.
    /// </summary>
    public async Task<SubAck> SubscribeAsync(ushort packetId, string filter, int qos, CancellationToken cancellationToken, params (byte Id, uint Value)[] properties)
    {
        var body = new PacketWriter().UInt16(packetId).Properties(properties).String(filter).Byte((byte)qos);
        await SendAsync(body.ToPacket(0x82), cancellationToken);
        while (true)
        {
            var packet = await ReceivedPacket.ReadAsync(_stream, ReadTimeout, cancellationToken)
                ?? throw new InvalidDataException("The broker closed the connection instead of sending SUBACK.");
            if (packet.Type != PacketType.Publish)
            {
                return packet.AsSubAck();
            }

            _early.Enqueue(packet);
        }
    }

    /// <summary>Sends PUBLISH (MQTT 5.0 §3.3); the packet id is left out for QoS 0. Does not wait for PUBACK.</summary>
    public Task PublishAsync(string topic, int qos, ushort packetId, byte[] payload, CancellationToken cancellationToken, params (byte Id, uint Value)[] properties)
    {
        var body = new PacketWriter().String(topic);
        if (qos > 0)
        {
            body.UInt16(packetId);
        }

        body.Properties(properties).Raw(payload);
        return SendAsync(body.ToPacket((byte)(0x30 | (qos << 1))), cancellationToken);
    }

    /// <summary>Sends a retained QoS 0 PUBLISH without properties.</summary>
    public Task PublishRetainedAsync(string topic, byte[] payload, CancellationToken cancellationToken) =>
        SendAsync(new PacketWriter().String(topic).Properties().Raw(payload).ToPacket(0x31), cancellationToken);

    /// <summary>Acknowledges a QoS 1 PUBLISH (MQTT 5.0 §3.4; remaining length 2 means reason 0x00 Success).</summary>
    public Task PubAckAsync(ushort packetId, CancellationToken cancellationToken) =>
        SendAsync(new PacketWriter().UInt16(packetId).ToPacket(0x40), cancellationToken);

    /// <summary>DISCONNECT with 0x00 Normal disconnection (MQTT 5.0 §3.14; an empty body).</summary>
    public Task DisconnectAsync(CancellationToken cancellationToken) => SendAsync([0xE0, 0x00], cancellationToken);

    /// <summary>DISCONNECT with <paramref name="reasonCode"/> (such as 0x04 Disconnect with Will Message) and no properties.</summary>
    public Task DisconnectAsync(byte reasonCode, CancellationToken cancellationToken) => SendAsync([0xE0, 0x01, reasonCode], cancellationToken);

    /// <summary>The broker's next packet, or null when it closed the connection; fails after <see cref="ReadTimeout"/>.</summary>
    public Task<ReceivedPacket?> ReadAsync(CancellationToken cancellationToken) =>
        _early.TryDequeue(out var early) ? Task.FromResult<ReceivedPacket?>(early) : ReceivedPacket.ReadAsync(_stream, ReadTimeout, cancellationToken);

    public ValueTask DisposeAsync()
    {
        _tcp.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task SendAsync(byte[] packet, CancellationToken cancellationToken) => await _stream.WriteAsync(packet, cancellationToken);
}
