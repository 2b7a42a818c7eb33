using MQTTnet;
using MQTTnet.Protocol;
using MQTTnet.Server;

namespace SmartOverhalla.Gateway.Broker;

/// <summary>
/// One SUBSCRIBE of one client between its arrival and its subscriptions going live (<see cref="RetainedAtSubscribe"/>):
/// its topic filters, the subscriptions whose retained messages are sent here, and a task that completes when it ends.
/// </summary>
internal sealed class SubscribeWindow(IReadOnlyList<string> filters)
{
    private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<(string Filter, MqttQualityOfServiceLevel Granted)> _takenOver = [];
    private MqttSessionStatus? _session;
    private int _intercepted;
    private int _granted;

    /// <summary>Completes when the subscriptions are live and their retained messages queued, or the client is gone.</summary>
    public Task Closed => _closed.Task;

    /// <summary>True when a message on <paramref name="topic"/> would match one of the filters.</summary>
    public bool Matches(string topic) => filters.Any(f => MqttTopicFilterComparer.Compare(topic, f) == MqttTopicFilterCompareResult.IsMatch);

    /// <summary>This subscription's retained messages are sent by <see cref="RetainedToSendAsync"/> rather than by MQTTnet.</summary>
    public void TakeOver(string filter, MqttQualityOfServiceLevel granted, MqttSessionStatus session)
    {
        lock (_takenOver)
        {
            _takenOver.Add((filter, granted));
            _session = session;
        }
    }

    /// <summary>Counts one filter passed through the subscription interceptor; true when it was the last and none was granted.</summary>
    public bool Intercepted(bool granted)
    {
        var grantedSoFar = granted ? Interlocked.Increment(ref _granted) : Volatile.Read(ref _granted);
        return Interlocked.Increment(ref _intercepted) == filters.Count && grantedSoFar == 0;
    }

    /// <summary>
    /// The retained messages the taken-over subscriptions match, read from the store now, each once, at the highest QoS
    /// granted to a matching subscription but never above its own (MQTT 5 §3.8.4), flagged as retained.
    /// </summary>
    public async Task<IReadOnlyList<(MqttApplicationMessage Message, MqttSessionStatus Session)>> RetainedToSendAsync(MqttServer server)
    {
        ArgumentNullException.ThrowIfNull(server);
        (string Filter, MqttQualityOfServiceLevel Granted)[] takenOver;
        MqttSessionStatus? session;
        lock (_takenOver)
        {
            takenOver = [.. _takenOver];
            session = _session;
        }

        if (session is null || takenOver.Length == 0)
        {
            return [];
        }

        // A filter without wildcards names one topic: one look-up instead of a copy of the whole store (a device
        // subscribing to its own cmd topic).
        var stored = takenOver.All(t => !HasWildcard(t.Filter))
            ? (await Task.WhenAll(takenOver.Select(t => server.GetRetainedMessageAsync(t.Filter)))).OfType<MqttApplicationMessage>().DistinctBy(m => m.Topic).ToList()
            : await server.GetRetainedMessagesAsync();
        var send = new List<(MqttApplicationMessage, MqttSessionStatus)>();
        foreach (var message in stored)
        {
            var granted = takenOver
                .Where(t => MqttTopicFilterComparer.Compare(message.Topic, t.Filter) == MqttTopicFilterCompareResult.IsMatch)
                .Select(t => (int)t.Granted)
                .DefaultIfEmpty(-1)
                .Max();
            if (granted >= 0)
            {
                send.Add((AsRetained(message, (MqttQualityOfServiceLevel)Math.Min(granted, (int)message.QualityOfServiceLevel)), session));
            }
        }

        return send;
    }

    public void Close() => _closed.TrySetResult();

    private static bool HasWildcard(string filter) => filter.Contains('+', StringComparison.Ordinal) || filter.Contains('#', StringComparison.Ordinal);

    private static MqttApplicationMessage AsRetained(MqttApplicationMessage stored, MqttQualityOfServiceLevel qos) => new()
    {
        Topic = stored.Topic,
        Payload = stored.Payload,
        QualityOfServiceLevel = qos,
        Retain = true,
        ContentType = stored.ContentType,
        ResponseTopic = stored.ResponseTopic,
        CorrelationData = stored.CorrelationData,
        UserProperties = stored.UserProperties,
        PayloadFormatIndicator = stored.PayloadFormatIndicator,
        MessageExpiryInterval = stored.MessageExpiryInterval,
    };
}
