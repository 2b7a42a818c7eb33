using System.Diagnostics.Metrics;

namespace SmartOverhalla.Gateway.Broker;

/// <summary>
/// Connection and publish counters of the embedded broker, as <see cref="System.Diagnostics.Metrics"/> instruments
/// (meter <see cref="MeterName"/>) and as running totals for <c>/health</c>.
/// </summary>
internal sealed class BrokerMetrics
{
    public const string MeterName = "SmartOverhalla.Gateway.Broker";

    private readonly Counter<long> _connections;
    private readonly Counter<long> _published;
    private readonly Counter<long> _dropped;
    private readonly Counter<long> _refused;
    private long _connectionsTotal;
    private long _connectedClients;
    private long _publishedTotal;
    private long _droppedTotal;
    private readonly Counter<long> _throttled;
    private readonly Counter<long> _floodEpisodes;
    private readonly Counter<long> _floodDisconnects;
    private long _throttledTotal;
    private long _floodEpisodesTotal;
    private long _floodDisconnectsTotal;
    private long _connectionsRefusedTotal;
    private long _publishesRefusedTotal;
    private long _subscriptionsRefusedTotal;
    private readonly Counter<long> _retainedHeld;
    private long _retainedHeldTotal;
    private readonly Counter<long> _discarded;
    private long _discardedTotal;
    private readonly Counter<long> _sessionsExpired;
    private long _sessionsExpiredTotal;

    public BrokerMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _connections = meter.CreateCounter<long>("smartoverhalla.broker.connections", "{connection}", "Client connections accepted by the embedded broker.");
        _published = meter.CreateCounter<long>("smartoverhalla.broker.messages.published", "{message}", "Application messages published to the embedded broker.");
        _dropped = meter.CreateCounter<long>("smartoverhalla.broker.messages.dropped", "{message}", "Queued messages dropped because a client's queue was full.");
        _throttled = meter.CreateCounter<long>("smartoverhalla.broker.messages.throttled", "{message}", "Publishes delayed because their client was over its rate budget.");
        _floodEpisodes = meter.CreateCounter<long>("smartoverhalla.broker.flood.episodes", "{episode}", "Times a client went over its publish rate budget.");
        _floodDisconnects = meter.CreateCounter<long>("smartoverhalla.broker.flood.disconnects", "{client}", "Clients disconnected for flooding.");
        _refused = meter.CreateCounter<long>("smartoverhalla.broker.refusals", "{refusal}", "Connects, publishes and subscriptions the embedded broker refused (tags: action, reason).");
        _retainedHeld = meter.CreateCounter<long>(
            "smartoverhalla.broker.retained.held", "{message}", "Retained publishes held until a subscription being made was live (each one MQTTnet alone could have lost to that subscriber).");
        _discarded = meter.CreateCounter<long>(
            "smartoverhalla.broker.messages.discarded", "{message}", "Messages not sent to a client as MQTT 5 requires (tag reason: expired, too-large).");
        _sessionsExpired = meter.CreateCounter<long>("smartoverhalla.broker.sessions.expired", "{session}", "Sessions ended because their Session Expiry Interval passed.");
        meter.CreateObservableUpDownCounter("smartoverhalla.broker.clients.connected", () => ConnectedClients, "{client}", "Clients connected to the embedded broker now.");
    }

    public long ConnectionsTotal => Interlocked.Read(ref _connectionsTotal);

    public long ConnectedClients => Interlocked.Read(ref _connectedClients);

    public long PublishedTotal => Interlocked.Read(ref _publishedTotal);

    public long DroppedTotal => Interlocked.Read(ref _droppedTotal);

    public long ThrottledTotal => Interlocked.Read(ref _throttledTotal);

    public long FloodEpisodesTotal => Interlocked.Read(ref _floodEpisodesTotal);

    public long FloodDisconnectsTotal => Interlocked.Read(ref _floodDisconnectsTotal);

    public void PublishThrottled()
    {
        Interlocked.Increment(ref _throttledTotal);
        _throttled.Add(1);
    }

    public void FloodEpisodeStarted()
    {
        Interlocked.Increment(ref _floodEpisodesTotal);
        _floodEpisodes.Add(1);
    }

    public void FloodDisconnected()
    {
        Interlocked.Increment(ref _floodDisconnectsTotal);
        _floodDisconnects.Add(1);
    }

    public long ConnectionsRefusedTotal => Interlocked.Read(ref _connectionsRefusedTotal);

    public long PublishesRefusedTotal => Interlocked.Read(ref _publishesRefusedTotal);

    public long SubscriptionsRefusedTotal => Interlocked.Read(ref _subscriptionsRefusedTotal);

    /// <summary>A connect refused for <paramref name="reason"/> (anonymous, bad-credentials, client-id-mismatch).</summary>
    public void ConnectionRefused(string reason)
    {
        Interlocked.Increment(ref _connectionsRefusedTotal);
        _refused.Add(1, new KeyValuePair<string, object?>("action", "connect"), new KeyValuePair<string, object?>("reason", reason));
    }

    /// <summary>Counts one publish the ACL refused and returns the total so far.</summary>
    public long PublishRefused()
    {
        _refused.Add(1, new KeyValuePair<string, object?>("action", "publish"), new KeyValuePair<string, object?>("reason", "not-authorized"));
        return Interlocked.Increment(ref _publishesRefusedTotal);
    }

    public void SubscriptionRefused()
    {
        Interlocked.Increment(ref _subscriptionsRefusedTotal);
        _refused.Add(1, new KeyValuePair<string, object?>("action", "subscribe"), new KeyValuePair<string, object?>("reason", "not-authorized"));
    }

    public void ClientConnected()
    {
        Interlocked.Increment(ref _connectionsTotal);
        Interlocked.Increment(ref _connectedClients);
        _connections.Add(1);
    }

    public void ClientDisconnected() => Interlocked.Decrement(ref _connectedClients);

    public void MessagePublished()
    {
        Interlocked.Increment(ref _publishedTotal);
        _published.Add(1);
    }

    /// <summary>Counts one dropped message and returns the total so far.</summary>
    public long MessageDropped()
    {
        _dropped.Add(1);
        return Interlocked.Increment(ref _droppedTotal);
    }

    public long RetainedHeldTotal => Interlocked.Read(ref _retainedHeldTotal);

    public void RetainedPublishHeld()
    {
        Interlocked.Increment(ref _retainedHeldTotal);
        _retainedHeld.Add(1);
    }

    public long DiscardedTotal => Interlocked.Read(ref _discardedTotal);

    /// <summary>A message not sent to a client for <paramref name="reason"/> (expired, too-large); returns the total so far.</summary>
    public long MessageDiscarded(string reason)
    {
        _discarded.Add(1, new KeyValuePair<string, object?>("reason", reason));
        return Interlocked.Increment(ref _discardedTotal);
    }

    public long SessionsExpiredTotal => Interlocked.Read(ref _sessionsExpiredTotal);

    public void SessionExpired()
    {
        Interlocked.Increment(ref _sessionsExpiredTotal);
        _sessionsExpired.Add(1);
    }

    /// <summary>A stopped broker has no clients; keeps the gauge honest across a restart.</summary>
    public void Reset() => Interlocked.Exchange(ref _connectedClients, 0);
}
