using System.Collections;
using System.Threading.Channels;
using Microsoft.Extensions.Options;
using MQTTnet;
using MQTTnet.Packets;
using MQTTnet.Protocol;
using MQTTnet.Server;

namespace SmartOverhalla.Gateway.Broker.Mqtt5;

/// <summary>
/// What MQTT 5 clients may ask of a broker and MQTTnet 5.2's server does not do by itself, added to the embedded broker
/// through its events and interceptors: the client's Receive Maximum (<see cref="ReceiveWindow"/>), its Maximum Packet
/// Size (a larger PUBLISH is discarded, §3.1.2.11.4), Message Expiry with the remaining interval
/// (<see cref="MessageExpiry"/>), Session Expiry above 0 (<see cref="SessionExpiryTimers"/>) and Will Delay
/// (<see cref="DelayedWills"/>). A discarded QoS 1/2 message is also removed from the session's unacknowledged ones,
/// "as if it had been sent" (§3.1.2.11.4), so a reconnect does not send it again.
/// </summary>
internal sealed class Mqtt5Obligations(
    IOptions<BrokerOptions> options,
    BrokerMetrics metrics,
    TimeProvider timeProvider,
    ILogger<Mqtt5Obligations> logger) : IDisposable
{
    private readonly EmbeddedBrokerOptions _options = options.Value.Embedded;
    private readonly ClientLinks _links = new();
    private readonly MessageExpiry _expiry = new(timeProvider);
    private readonly SessionExpiryTimers _sessions = new(timeProvider);
    private readonly DelayedWills _wills = new(timeProvider);

    // A connect of a client id and the close of its previous connection are handled on different threads. Under this
    // gate each sees the other whole: the close either finds the new link (and schedules nothing) or schedules its
    // session expiry and will before the connect cancels them, never after.
    private readonly Lock _handover = new();
    private MqttServer? _server;

    /// <summary>Connections known now (for tests).</summary>
    internal int Links => _links.Count;

    /// <summary>Sessions waiting to expire now (for tests).</summary>
    internal int ExpiringSessions => _sessions.Count;

    /// <summary>Wills waiting for their delay now (for tests).</summary>
    internal int WaitingWills => _wills.Count;

    /// <summary>
    /// Hooks into <paramref name="server"/>. Attach after the connection validator and the publish checks: a refused
    /// connect or publish is left alone.
    /// </summary>
    public void Attach(MqttServer server)
    {
        ArgumentNullException.ThrowIfNull(server);
        Detach();
        _server = server;
        _sessions.OnExpired(ExpireSessionAsync);
        _wills.OnPublish(PublishWillAsync);
        server.ValidatingConnectionAsync += OnValidatingConnectionAsync;
        server.ClientConnectedAsync += OnClientConnectedAsync;
        server.ClientDisconnectedAsync += OnClientDisconnectedAsync;
        server.SessionDeletedAsync += OnSessionDeletedAsync;
        server.InterceptingPublishAsync += OnPublishAsync;
        server.InterceptingOutboundPacketAsync += OnOutboundPacketAsync;
        server.InterceptingInboundPacketAsync += OnInboundPacketAsync;
    }

    /// <summary>The broker stopped: its connections, sessions and wills are gone with it.</summary>
    public void Detach()
    {
        _server = null;
        _links.Clear().ForEach(link => link.Close());
        _sessions.Clear();
        _wills.Clear();
    }

    public void Dispose()
    {
        Detach();
        _sessions.Dispose();
        _wills.Dispose();
    }

    private async Task OnValidatingConnectionAsync(ValidatingConnectionEventArgs e)
    {
        if (e.ReasonCode != MqttConnectReasonCode.Success)
        {
            return;
        }

        var clientId = string.IsNullOrEmpty(e.ClientId) ? e.AssignedClientIdentifier : e.ClientId;
        if (string.IsNullOrEmpty(clientId))
        {
            return;
        }

        await _sessions.ConnectingAsync(clientId, e.CancellationToken);
        var connect = MqttNetInternals.ConnectPacketOf(e);
        lock (_handover)
        {
            // Again under the gate: a close handled since the wait above may have started the session's timer.
            _sessions.Cancel(clientId);
            var will = _wills.Accepted(clientId, e);
            _links.Add(new ClientLink(clientId, e.UserName, e.RemoteEndPoint, e.ChannelAdapter, connect, _options.MaxPendingMessagesPerClient) { Will = will });
        }
    }

    /// <summary>Keeps the connection's session at hand, to forget discarded messages and to end it when it expires.</summary>
    private async Task OnClientConnectedAsync(ClientConnectedEventArgs e)
    {
        if (_server is { } server && _links.Find(e.ClientId, e.RemoteEndPoint) is { } link)
        {
            try
            {
                link.Session = MqttNetInternals.SessionOf(await server.GetSessionAsync(e.ClientId));
            }
            catch (InvalidOperationException)
            {
                // Gone again already.
            }
        }
    }

    private Task OnClientDisconnectedAsync(ClientDisconnectedEventArgs e)
    {
        lock (_handover)
        {
            Disconnected(e);
        }

        return Task.CompletedTask;
    }

    private void Disconnected(ClientDisconnectedEventArgs e)
    {
        var (link, others) = _links.Remove(e.ClientId, e.RemoteEndPoint);
        if (link is null)
        {
            return;
        }

        link.Close();
        if (e.DisconnectType == MqttClientDisconnectType.Takeover)
        {
            // As MQTTnet did: the session goes on with the new connection, the old one's will is not sent.
            return;
        }

        // DISCONNECT may set a new interval (§3.14.2.2.2); MQTTnet reads 0 as "not given", as it decides the same way.
        var interval = e.SessionExpiryInterval != 0 ? e.SessionExpiryInterval : link.SessionExpiryInterval;
        var kept = !_options.PersistentSessions || interval == 0 ? TimeSpan.Zero
            : interval == uint.MaxValue ? TimeSpan.MaxValue
            : TimeSpan.FromSeconds(interval);
        if (kept > TimeSpan.Zero && link.Session is { } session)
        {
            // MQTTnet's own expiry (at the next lookup, by the interval of the CONNECT that created the session) would
            // end it early when a later CONNECT or the DISCONNECT set a longer one: the timers below decide alone.
            session.DisconnectedTimestamp = null;
        }

        var sendsWill = link.Will is not null
            && (e.DisconnectType == MqttClientDisconnectType.NotClean || e.ReasonCode == MqttDisconnectReasonCode.DisconnectWithWillMessage);
        if (others)
        {
            // The client connected again before this close was handled: its session lives on, and a delayed will is
            // cancelled by the new connection (§3.1.3.2.2); one without delay goes, as it would have at once.
            if (sendsWill && link.Will!.Delay == TimeSpan.Zero)
            {
                _wills.Disconnected(link.ClientId, link.UserName, e.SessionItems, link.Will, TimeSpan.Zero);
            }

            return;
        }

        if (kept > TimeSpan.Zero && kept != TimeSpan.MaxValue)
        {
            _sessions.Disconnected(link.ClientId, kept);
        }

        if (sendsWill)
        {
            _wills.Disconnected(link.ClientId, link.UserName, e.SessionItems, link.Will!, kept);
        }
    }

    /// <summary>A session ended however it ended (expired, a device removed): no timer for it, and its waiting will goes now.</summary>
    private Task OnSessionDeletedAsync(SessionDeletedEventArgs e)
    {
        _sessions.Cancel(e.Id);
        // Not awaited: the will goes through the publish interceptors, which must not hold up the deletion.
        _ = _wills.SessionEndedAsync(e.Id);
        return Task.CompletedTask;
    }

    private Task OnPublishAsync(InterceptingPublishEventArgs e)
    {
        if (e.ProcessPublish && e.ApplicationMessage is { } message)
        {
            _expiry.Stamp(message);
        }

        return Task.CompletedTask;
    }

    /// <summary>Synchronous unless a message is discarded: it runs for every packet the broker sends.</summary>
    private Task OnOutboundPacketAsync(InterceptingPacketEventArgs e)
    {
        if (e.Packet is not MqttPublishPacket publish)
        {
            return Task.CompletedTask;
        }

        var link = _links.Find(e.ClientId, e.RemoteEndPoint);
        var outgoing = Prepare(link, publish, out var discarded);
        if (outgoing is null)
        {
            e.ProcessPacket = false;
            return DiscardedAsync(link, publish, discarded!);
        }

        if (link is not null && publish.QualityOfServiceLevel != MqttQualityOfServiceLevel.AtMostOnce
            && !link.Window.TryAdmit(publish, out var dropped))
        {
            // Held until an acknowledgement frees a slot; then written by WriteReleasedAsync.
            e.ProcessPacket = false;
            if (dropped is null)
            {
                return Task.CompletedTask;
            }

            var count = metrics.MessageDropped();
            if (count == 1 || count % 1000 == 0)
            {
                logger.QueuedMessagesDropped(link.ClientId, count);
            }

            return ForgetAsync(link, dropped);
        }

        e.Packet = outgoing;
        return Task.CompletedTask;
    }

    /// <summary>Synchronous unless a failed PUBREC ends an exchange: it runs for every packet a client sends.</summary>
    private Task OnInboundPacketAsync(InterceptingPacketEventArgs e)
    {
        ushort? completed = e.Packet switch
        {
            MqttPubAckPacket ack => ack.PacketIdentifier,
            MqttPubCompPacket comp => comp.PacketIdentifier,
            MqttPubRecPacket rec when (int)rec.ReasonCode >= 0x80 => rec.PacketIdentifier,
            _ => null,
        };
        if (completed is not { } packetIdentifier || !e.ProcessPacket || _links.Find(e.ClientId, e.RemoteEndPoint) is not { } link)
        {
            return Task.CompletedTask;
        }

        var forgotten = Task.CompletedTask;
        if (e.Packet is MqttPubRecPacket)
        {
            // A PUBREC with an error ends the QoS 2 exchange (§4.3.3): no PUBREL, and the message is not sent again.
            e.ProcessPacket = false;
            forgotten = ForgetAsync(link, packetIdentifier);
        }

        if (link.Window.Complete(packetIdentifier) is { } next)
        {
            link.QueueRelease(next, WriteReleasedAsync);
        }

        return forgotten;
    }

    /// <summary>
    /// Writes a connection's released packets in their order until it closes; one discarded on the way (expired, too
    /// large) frees its slot for the next held one.
    /// </summary>
    private async Task WriteReleasedAsync(ClientLink link, ChannelReader<MqttPublishPacket> released)
    {
        try
        {
            await foreach (var packet in released.ReadAllAsync(link.Closed))
            {
                for (var next = packet; next is not null;)
                {
                    var outgoing = Prepare(link, next, out var discarded);
                    if (outgoing is not null)
                    {
                        await link.Adapter.SendPacketAsync(outgoing, link.Closed);
                        break;
                    }

                    await DiscardedAsync(link, next, discarded!);
                    next = link.Window.Complete(next.PacketIdentifier);
                }
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The connection is closing: the session keeps the messages for its next connection.
            logger.HeldPublishNotSent(link.ClientId, ex.GetType().Name);
        }
    }

    /// <summary>
    /// The packet to send for <paramref name="publish"/>, or null when it is to be discarded, with the reason in
    /// <paramref name="discarded"/> (expired, too-large).
    /// </summary>
    private MqttPublishPacket? Prepare(ClientLink? link, MqttPublishPacket publish, out string? discarded)
    {
        var outgoing = _expiry.Prepare(publish);
        discarded = outgoing is null ? "expired"
            : link is { MaximumPacketSize: > 0 } && link.EncodedSize(outgoing) > link.MaximumPacketSize ? "too-large"
            : null;
        return discarded is null ? outgoing : null;
    }

    /// <summary>Counts a message <see cref="Prepare"/> discarded and removes it from the session, as if it had been sent.</summary>
    private Task DiscardedAsync(ClientLink? link, MqttPublishPacket publish, string reason)
    {
        var count = metrics.MessageDiscarded(reason);
        if (count == 1 || count % 1000 == 0)
        {
            logger.PublishDiscarded(link?.ClientId ?? string.Empty, reason, count);
        }

        return link is null ? Task.CompletedTask : ForgetAsync(link, publish);
    }

    /// <summary>Removes a discarded QoS 1/2 message from the session's unacknowledged ones, as if the client had acknowledged it.</summary>
    private Task ForgetAsync(ClientLink link, MqttPublishPacket publish) =>
        publish.QualityOfServiceLevel == MqttQualityOfServiceLevel.AtMostOnce ? Task.CompletedTask : ForgetAsync(link, publish.PacketIdentifier);

    private async Task ForgetAsync(ClientLink link, ushort packetIdentifier)
    {
        if (_server is not { } server)
        {
            return;
        }

        try
        {
            link.Session ??= MqttNetInternals.SessionOf(await server.GetSessionAsync(link.ClientId));
            link.Session.AcknowledgePublishPacket(packetIdentifier);
        }
        catch (InvalidOperationException)
        {
            // The session is gone already, and the message with it.
        }
    }

    private async Task ExpireSessionAsync(string clientId)
    {
        try
        {
            // From the list, not GetSessionAsync: that lookup drops an expired session from MQTTnet's store only, and
            // leaves it among the sessions that messages are dispatched to.
            if (_server is { IsStarted: true } server && !_links.IsConnected(clientId)
                && (await server.GetSessionsAsync()).FirstOrDefault(s => string.Equals(s.Id, clientId, StringComparison.Ordinal)) is { } session)
            {
                await session.DeleteAsync();
                metrics.SessionExpired();
                logger.SessionExpired(clientId);
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            logger.MqttNetWarning(nameof(Mqtt5Obligations), $"Could not end the expired session of {clientId}: {ex.Message}", null);
        }

        // Not awaited: the will goes through the publish interceptors, which must not hold up connects.
        _ = _wills.SessionEndedAsync(clientId);
    }

    private async Task PublishWillAsync(string clientId, string? userName, IDictionary sessionItems, MqttApplicationMessage message)
    {
        try
        {
            if (_server is { IsStarted: true } server)
            {
                await server.InjectApplicationMessage(new InjectedMqttApplicationMessage(message)
                {
                    SenderClientId = clientId,
                    SenderUserName = userName,
                    CustomSessionItems = sessionItems,
                });
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            logger.WillNotPublished(clientId, ex.Message);
        }
    }
}
