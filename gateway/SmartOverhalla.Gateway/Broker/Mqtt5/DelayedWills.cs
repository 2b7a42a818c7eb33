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
internal sealed class DelayedWills : IDisposable
{
    private readonly ClientTimers<Scheduled> _scheduled;
    private Func<string, string?, IDictionary, MqttApplicationMessage, Task>? _publish;

    public DelayedWills(TimeProvider timeProvider) => _scheduled = new ClientTimers<Scheduled>(timeProvider, (clientId, will) => _ = PublishAsync(will));

    /// <summary>Wills waiting for their delay now.</summary>
    public int Count => _scheduled.Count;

    /// <summary>What publishes a will: client id, user name, the session's items, the message.</summary>
    public void OnPublish(Func<string, string?, IDictionary, MqttApplicationMessage, Task> publish) => _publish = publish;

    /// <summary>
    /// A connection was accepted: takes its will from the CONNECT, and settles a will still waiting for the client id
    /// (discarded when the client resumes its session, published now when it starts clean).
    /// </summary>
    public Will? Accepted(string clientId, ValidatingConnectionEventArgs connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (_scheduled.Cancel(clientId) is { } waiting && connection.CleanSession == true)
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
        var scheduled = new Scheduled(clientId, userName, sessionItems, will.Message);
        var delay = will.Delay < sessionExpiry ? will.Delay : sessionExpiry;
        if (delay <= TimeSpan.Zero)
        {
            _ = PublishAsync(scheduled);
        }
        else
        {
            _scheduled.Set(clientId, delay, scheduled);
        }
    }

    /// <summary>The client's session ended: a will still waiting goes now.</summary>
    public Task SessionEndedAsync(string clientId) => _scheduled.Cancel(clientId) is { } waiting ? PublishAsync(waiting) : Task.CompletedTask;

    /// <summary>Forgets every waiting will (the broker stopped).</summary>
    public void Clear() => _scheduled.Clear();

    public void Dispose() => _scheduled.Dispose();

    private Task PublishAsync(Scheduled will) =>
        _publish is { } publish ? publish(will.ClientId, will.UserName, will.SessionItems, will.Message) : Task.CompletedTask;

    private sealed record Scheduled(string ClientId, string? UserName, IDictionary SessionItems, MqttApplicationMessage Message);
}
