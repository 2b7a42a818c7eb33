using System.Collections;
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
        server.ClientDisconnectedAsync += OnClientDisconnectedAsync;
        server.InterceptingPublishAsync += OnPublishAsync;
        server.InterceptingOutboundPacketAsync += OnOutboundPacketAsync;
        server.InterceptingInboundPacketAsync += OnInboundPacketAsync;
    }

    /// <summary>The broker stopped: its connections, sessions and wills are gone with it.</summary>
    public void Detach()
    {
        _server = null;
        _links.Clear();
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
        var will = _wills.Accepted(clientId, e);
        var connect = MqttNetInternals.ConnectPacketOf(e);
        _links.Add(new ClientLink(clientId, e.UserName, e.RemoteEndPoint, e.ChannelAdapter, connect, _options.MaxPendingMessagesPerClient) { Will = will });
    }

    private Task OnClientDisconnectedAsync(ClientDisconnectedEventArgs e)
    {
        // A taken-over connection's client id already belongs to the newer one.
        var link = _links.Remove(e.ClientId, e.RemoteEndPoint);
        if (link is null)
        {
            return Task.CompletedTask;
        }

        // DISCONNECT may set a new interval (§3.14.2.2.2); MQTTnet reads 0 as "not given", as it decides the same way.
        var interval = e.SessionExpiryInterval != 0 ? e.SessionExpiryInterval : link.SessionExpiryInterval;
        var kept = !_options.PersistentSessions || interval == 0 ? TimeSpan.Zero
            : interval == uint.MaxValue ? TimeSpan.MaxValue
            : TimeSpan.FromSeconds(interval);
        if (kept > TimeSpan.Zero && kept != TimeSpan.MaxValue)
        {
            _sessions.Disconnected(link.ClientId, kept);
        }

        var sendsWill = e.DisconnectType == MqttClientDisconnectType.NotClean
            || (e.DisconnectType == MqttClientDisconnectType.Clean && e.ReasonCode == MqttDisconnectReasonCode.DisconnectWithWillMessage);
        if (link.Will is { } will && sendsWill)
        {
            _wills.Disconnected(link.ClientId, link.UserName, e.SessionItems, will, kept);
        }

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

    private async Task OnOutboundPacketAsync(InterceptingPacketEventArgs e)
    {
        if (e.Packet is not MqttPublishPacket publish)
        {
            return;
        }

        var link = _links.Find(e.ClientId, e.RemoteEndPoint);
        var outgoing = await PrepareAsync(link, publish);
        if (outgoing is null)
        {
            e.ProcessPacket = false;
            return;
        }

        if (link is not null && publish.QualityOfServiceLevel != MqttQualityOfServiceLevel.AtMostOnce
            && !link.Window.TryAdmit(publish, out var dropped))
        {
            // Held until an acknowledgement frees a slot; then written by ReleaseAsync.
            e.ProcessPacket = false;
            if (dropped is not null)
            {
                var count = metrics.MessageDropped();
                if (count == 1 || count % 1000 == 0)
                {
                    logger.QueuedMessagesDropped(link.ClientId, count);
                }

                await ForgetAsync(link, dropped);
            }

            return;
        }

        e.Packet = outgoing;
    }

    private async Task OnInboundPacketAsync(InterceptingPacketEventArgs e)
    {
        ushort? completed = e.Packet switch
        {
            MqttPubAckPacket ack => ack.PacketIdentifier,
            MqttPubCompPacket comp => comp.PacketIdentifier,
            // A PUBREC with an error ends the QoS 2 exchange (§4.3.3).
            MqttPubRecPacket rec when (int)rec.ReasonCode >= 0x80 => rec.PacketIdentifier,
            _ => null,
        };
        if (completed is not { } packetIdentifier || !e.ProcessPacket || _links.Find(e.ClientId, e.RemoteEndPoint) is not { } link)
        {
            return;
        }

        await ReleaseAsync(link, link.Window.Complete(packetIdentifier), e.CancellationToken);
    }

    /// <summary>Sends held packets that took a freed slot, in their order; one discarded on the way frees its slot again.</summary>
    private async Task ReleaseAsync(ClientLink link, MqttPublishPacket? next, CancellationToken cancellationToken)
    {
        while (next is not null)
        {
            var outgoing = await PrepareAsync(link, next);
            if (outgoing is null)
            {
                next = link.Window.Complete(next.PacketIdentifier);
                continue;
            }

            try
            {
                await link.Adapter.SendPacketAsync(outgoing, cancellationToken);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // The connection is closing: the session keeps the message for its next connection.
                logger.HeldPublishNotSent(link.ClientId, ex.GetType().Name);
            }

            next = null;
        }
    }

    /// <summary>The packet to send for <paramref name="publish"/>, or null when it is discarded (expired or too large).</summary>
    private async Task<MqttPublishPacket?> PrepareAsync(ClientLink? link, MqttPublishPacket publish)
    {
        var outgoing = _expiry.Prepare(publish);
        var reason = outgoing is null ? "expired"
            : link is { MaximumPacketSize: > 0 } && link.EncodedSize(outgoing) > link.MaximumPacketSize ? "too-large"
            : null;
        if (reason is null)
        {
            return outgoing;
        }

        var count = metrics.MessageDiscarded(reason);
        if (count == 1 || count % 1000 == 0)
        {
            logger.PublishDiscarded(link?.ClientId ?? string.Empty, reason, count);
        }

        if (link is not null)
        {
            await ForgetAsync(link, publish);
        }

        return null;
    }

    /// <summary>Removes a discarded QoS 1/2 message from the session's unacknowledged ones, as if the client had acknowledged it.</summary>
    private async Task ForgetAsync(ClientLink link, MqttPublishPacket publish)
    {
        if (publish.QualityOfServiceLevel == MqttQualityOfServiceLevel.AtMostOnce || _server is not { } server)
        {
            return;
        }

        try
        {
            link.Session ??= MqttNetInternals.SessionOf(await server.GetSessionAsync(link.ClientId));
            link.Session.AcknowledgePublishPacket(publish.PacketIdentifier);
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
            if (_server is { IsStarted: true } server
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

        await _wills.SessionEndedAsync(clientId);
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
