using MQTTnet;
using MQTTnet.Packets;
using MQTTnet.Protocol;
using MQTTnet.Server;

namespace SmartOverhalla.Gateway.Broker;

/// <summary>
/// Sends a new subscription its retained messages once the subscription is live, instead of leaving it to MQTTnet,
/// whose server loses a retained message published while a client subscribes.
/// </summary>
/// <remarks>
/// <para>
/// The race in MQTTnet 5 (MqttClientSubscriptionsManager.Subscribe and MqttClientSessionsManager.DispatchApplicationMessage):
/// a SUBSCRIBE first copies the retained store, then intercepts and creates each of its subscriptions, and only after the
/// last one adds the session to the list of subscriber sessions that a publish is dispatched to. A retained PUBLISH
/// updates the store and then dispatches to the subscriber sessions of that moment. When the store update falls after the
/// copy and the dispatch before the session is listed, the message is neither in the copy nor delivered live: the
/// subscriber never gets it, although the broker holds it and later messages (the device's telemetry) arrive. A worker
/// (re)subscribing while devices come online lost their <c>online</c> status this way.
/// </para>
/// <para>
/// Here every SUBSCRIBE opens a window when the broker receives it (before the copy). Each subscription that asks for
/// retained messages at subscribe (retain handling 0, MQTT 5 §3.3.1.3) is told not to take them from MQTTnet's early
/// copy; when the subscriptions are live, this class reads the retained store and queues the matching messages to the
/// session, then closes the window. A retained publish that changes the store while a matching window is open waits
/// until it closes, so it is dispatched to the live subscription after the stored messages, never lost and never
/// overtaken by an older copy. One that changed the store before the window opened is in the store when it is read.
/// Retain handling 1 ("only if new") stays with MQTTnet, which alone knows whether a subscription is new; the platform's
/// clients do not use it.
/// </para>
/// </remarks>
internal sealed class RetainedAtSubscribe(BrokerMetrics metrics, TimeProvider timeProvider, ILogger<RetainedAtSubscribe> logger)
{
    /// <summary>Longest a retained publish waits for a subscription to become live; a subscribe takes milliseconds.</summary>
    public static readonly TimeSpan MaxHold = TimeSpan.FromSeconds(10);

    private readonly Lock _gate = new();
    private readonly Dictionary<string, SubscribeWindow> _open = new(StringComparer.Ordinal);
    private MqttServer? _server;

    public void Attach(MqttServer server)
    {
        ArgumentNullException.ThrowIfNull(server);
        List<SubscribeWindow> left;
        lock (_gate)
        {
            // A restarted broker starts without clients: windows of the previous server are over.
            left = [.. _open.Values];
            _open.Clear();
            _server = server;
        }

        left.ForEach(w => w.Close());
        server.InterceptingInboundPacketAsync += OnInboundPacketAsync;
        // After EmbeddedBroker's own subscription check: only subscriptions it grants are taken over.
        server.InterceptingSubscriptionAsync += OnSubscriptionAsync;
        server.ClientSubscribedTopicAsync += OnClientSubscribedAsync;
        server.ClientDisconnectedAsync += OnClientDisconnectedAsync;
        server.RetainedMessageChangedAsync += OnRetainedMessageChangedAsync;
    }

    /// <summary>A SUBSCRIBE arrived: MQTTnet copies the retained store after this, so the window opens now.</summary>
    private Task OnInboundPacketAsync(InterceptingPacketEventArgs e)
    {
        if (e.ProcessPacket && e.Packet is MqttSubscribePacket subscribe && !string.IsNullOrEmpty(e.ClientId))
        {
            // One per filter the subscription interceptor will see: MQTTnet refuses shared subscriptions without asking it.
            var filters = subscribe.TopicFilters.Select(f => f.Topic ?? string.Empty).Where(t => !t.StartsWith("$share/", StringComparison.Ordinal)).ToList();
            if (filters.Count > 0)
            {
                SubscribeWindow? replaced;
                lock (_gate)
                {
                    _open.Remove(e.ClientId, out replaced);
                    _open[e.ClientId] = new SubscribeWindow(filters);
                }

                // A client handles its packets one after the other, so an earlier window of the same client is over.
                replaced?.Close();
            }
        }

        return Task.CompletedTask;
    }

    private Task OnSubscriptionAsync(InterceptingSubscriptionEventArgs e)
    {
        SubscribeWindow? window;
        lock (_gate)
        {
            _open.TryGetValue(e.ClientId, out window);
        }

        if (window is null)
        {
            return Task.CompletedTask;
        }

        var granted = e.ProcessSubscription && e.Response.ReasonCode <= MqttSubscribeReasonCode.GrantedQoS2 && !string.IsNullOrEmpty(e.TopicFilter.Topic);
        if (granted && e.TopicFilter.RetainHandling == MqttRetainHandling.SendAtSubscribe)
        {
            window.TakeOver(e.TopicFilter.Topic, (MqttQualityOfServiceLevel)(int)e.Response.ReasonCode, e.Session);
            e.TopicFilter.RetainHandling = MqttRetainHandling.DoNotSendOnSubscribe;
        }

        if (window.Intercepted(granted))
        {
            // MQTTnet reports no subscribed topic when it grants none, so nothing else would close this window.
            Close(e.ClientId, window);
        }

        return Task.CompletedTask;
    }

    /// <summary>The subscriptions are live (MQTTnet raises this after listing the session as a subscriber).</summary>
    private async Task OnClientSubscribedAsync(ClientSubscribedTopicEventArgs e)
    {
        SubscribeWindow? window;
        lock (_gate)
        {
            _open.TryGetValue(e.ClientId, out window);
        }

        if (window is null || _server is not { } server)
        {
            return;
        }

        try
        {
            foreach (var (message, session) in await window.RetainedToSendAsync(server))
            {
                session.TryEnqueueApplicationMessage(message, out _);
            }
        }
        finally
        {
            Close(e.ClientId, window);
        }
    }

    private Task OnClientDisconnectedAsync(ClientDisconnectedEventArgs e)
    {
        SubscribeWindow? window;
        lock (_gate)
        {
            _open.Remove(e.ClientId, out window);
        }

        window?.Close();
        return Task.CompletedTask;
    }

    /// <summary>A retained message changed and is about to be dispatched: it waits while a matching subscription is being made.</summary>
    private async Task OnRetainedMessageChangedAsync(RetainedMessageChangedEventArgs e)
    {
        var topic = e.ChangedRetainedMessage.Topic;
        List<Task> subscribing;
        lock (_gate)
        {
            if (_open.Count == 0)
            {
                return;
            }

            subscribing = [.. _open.Values.Where(w => w.Matches(topic)).Select(w => w.Closed)];
        }

        if (subscribing.Count == 0)
        {
            return;
        }

        metrics.RetainedPublishHeld();
        try
        {
            await Task.WhenAll(subscribing).WaitAsync(MaxHold, timeProvider);
        }
        catch (TimeoutException)
        {
            logger.RetainedPublishHoldExpired(e.ClientId ?? string.Empty, MaxHold);
        }
    }

    private void Close(string clientId, SubscribeWindow window)
    {
        lock (_gate)
        {
            if (_open.TryGetValue(clientId, out var current) && ReferenceEquals(current, window))
            {
                _open.Remove(clientId);
            }
        }

        window.Close();
    }
}
