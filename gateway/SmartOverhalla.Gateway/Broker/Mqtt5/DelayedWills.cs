using System.Collections;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Server;

namespace SmartOverhalla.Gateway.Broker.Mqtt5;

/// <summary>
/// Will messages with their Will Delay Interval (MQTT 5.0 §3.1.3.2.2). MQTTnet 5.2 publishes a will the moment the
/// connection ends; here the broker takes each will out of its CONNECT (so MQTTnet has none to send) and publishes it
/// when the delay or the session ends, whichever comes first, unless the client connects again before (a clean start
/// ends the old session, so its will goes at once). A DISCONNECT with reason 0x04 sends the will too; any other
/// DISCONNECT discards it. The will is published as its client: the topic rights of the client's session apply.
/// </summary>
internal sealed class DelayedWills(TimeProvider timeProvider) : IDisposable
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Scheduled> _scheduled = new(StringComparer.Ordinal);
    private Func<string, string?, IDictionary, MqttApplicationMessage, Task>? _publish;

    /// <summary>Wills waiting for their delay now.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _scheduled.Count;
            }
        }
    }

    /// <summary>What publishes a will: client id, user name, the session's items, the message.</summary>
    public void OnPublish(Func<string, string?, IDictionary, MqttApplicationMessage, Task> publish) => _publish = publish;

    /// <summary>
    /// A connection was accepted: takes its will from the CONNECT, and settles a will still waiting for the client id
    /// (discarded when the client resumes its session, published now when it starts clean).
    /// </summary>
    public Will? Accepted(string clientId, ValidatingConnectionEventArgs connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        Scheduled? waiting;
        lock (_gate)
        {
            if (_scheduled.Remove(clientId, out waiting))
            {
                waiting.Timer.Dispose();
            }
        }

        if (waiting is not null && connection.CleanSession == true)
        {
            _ = PublishAsync(waiting);
        }

        var connect = MqttNetInternals.ConnectPacketOf(connection);
        if (!connect.WillFlag)
        {
            return null;
        }

        var message = MqttApplicationMessageFactory.Create(MQTTnet.Server.Internal.Formatter.MqttPublishPacketFactory.Create(connect));
        // Will Delay is MQTT 5 only; MQTT 3.1.1 wills go at once.
        var delay = connection.ProtocolVersion == MqttProtocolVersion.V500 ? TimeSpan.FromSeconds(connect.WillDelayInterval) : TimeSpan.Zero;
        connect.WillFlag = false;
        return new Will(message, delay);
    }

    /// <summary>
    /// A connection with <paramref name="will"/> ended in a way that sends it; <paramref name="sessionExpiry"/> is how long
    /// its session stays (the will goes when the session ends, if that is sooner than its delay).
    /// </summary>
    public void Disconnected(string clientId, string? userName, IDictionary sessionItems, Will will, TimeSpan sessionExpiry)
    {
        ArgumentNullException.ThrowIfNull(will);
        var delay = will.Delay < sessionExpiry ? will.Delay : sessionExpiry;
        var scheduled = new Scheduled(clientId, userName, sessionItems, will.Message, delay == TimeSpan.MaxValue ? DateTimeOffset.MaxValue : timeProvider.GetUtcNow() + delay);
        if (delay <= TimeSpan.Zero)
        {
            _ = PublishAsync(scheduled);
            return;
        }

        lock (_gate)
        {
            if (_scheduled.Remove(clientId, out var earlier))
            {
                earlier.Timer.Dispose();
            }

            scheduled.Timer = timeProvider.CreateTimer(_ => Fire(scheduled), null, Step(delay), Timeout.InfiniteTimeSpan);
            _scheduled[clientId] = scheduled;
        }
    }

    /// <summary>The client's session ended (expired): a will still waiting goes now.</summary>
    public Task SessionEndedAsync(string clientId)
    {
        Scheduled? waiting;
        lock (_gate)
        {
            if (!_scheduled.Remove(clientId, out waiting))
            {
                return Task.CompletedTask;
            }

            waiting.Timer.Dispose();
        }

        return PublishAsync(waiting);
    }

    /// <summary>Forgets every waiting will (the broker stopped).</summary>
    public void Clear()
    {
        lock (_gate)
        {
            foreach (var scheduled in _scheduled.Values)
            {
                scheduled.Timer.Dispose();
            }

            _scheduled.Clear();
        }
    }

    public void Dispose() => Clear();

    private void Fire(Scheduled scheduled)
    {
        lock (_gate)
        {
            if (!_scheduled.TryGetValue(scheduled.ClientId, out var current) || !ReferenceEquals(current, scheduled))
            {
                return;
            }

            scheduled.Timer.Dispose();
            var left = scheduled.Due - timeProvider.GetUtcNow();
            if (left > TimeSpan.Zero)
            {
                // A delay longer than one timer: waited out in steps.
                scheduled.Timer = timeProvider.CreateTimer(_ => Fire(scheduled), null, Step(left), Timeout.InfiniteTimeSpan);
                return;
            }

            _scheduled.Remove(scheduled.ClientId);
        }

        _ = PublishAsync(scheduled);
    }

    /// <summary>Longest single timer (a timer's range is about 49 days).</summary>
    private static TimeSpan Step(TimeSpan left) => left < TimeSpan.FromDays(30) ? left : TimeSpan.FromDays(30);

    private Task PublishAsync(Scheduled scheduled) =>
        _publish is { } publish ? publish(scheduled.ClientId, scheduled.UserName, scheduled.SessionItems, scheduled.Message) : Task.CompletedTask;

    private sealed class Scheduled(string clientId, string? userName, IDictionary sessionItems, MqttApplicationMessage message, DateTimeOffset due)
    {
        public DateTimeOffset Due { get; } = due;

        public string ClientId { get; } = clientId;

        public string? UserName { get; } = userName;

        public IDictionary SessionItems { get; } = sessionItems;

        public MqttApplicationMessage Message { get; } = message;

        public ITimer Timer { get; set; } = null!;
    }
}
