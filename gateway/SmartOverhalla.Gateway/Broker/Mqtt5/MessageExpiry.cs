using System.Buffers.Text;
using System.Globalization;
using System.Text;
using MQTTnet;
using MQTTnet.Packets;

namespace SmartOverhalla.Gateway.Broker.Mqtt5;

/// <summary>
/// Message Expiry Interval (MQTT 5.0 §3.3.2.3.3): a message that waited in the broker longer than its interval is not
/// sent, and one that is sent carries the interval minus its wait. MQTTnet 5.2 forwards the interval unchanged and
/// keeps expired messages, so each message with an interval gets its arrival time as a user property when the broker
/// accepts it; the property goes with it into sessions and the retained store, and is removed from every packet sent.
/// A client cannot set the arrival time: a property of that name from a client is dropped.
/// </summary>
internal sealed class MessageExpiry(TimeProvider timeProvider)
{
    /// <summary>The user property that carries the arrival time (a <see cref="TimeProvider.GetTimestamp"/> value).</summary>
    public const string ArrivalProperty = "x-smartoverhalla-broker-arrival";

    /// <summary>Marks an accepted message with its arrival time when it has an interval; drops a forged mark.</summary>
    public void Stamp(MqttApplicationMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var properties = message.UserProperties;
        if (message.MessageExpiryInterval == 0 && (properties is null || !properties.Exists(IsArrival)))
        {
            return;
        }

        // A new list: the one given may be shared with the client's packet.
        var stamped = properties?.Where(p => !IsArrival(p)).ToList() ?? [];
        if (message.MessageExpiryInterval > 0)
        {
            var arrival = Encoding.UTF8.GetBytes(timeProvider.GetTimestamp().ToString(CultureInfo.InvariantCulture));
            stamped.Add(new MqttUserProperty(ArrivalProperty, new ReadOnlyMemory<byte>(arrival)));
        }

        message.UserProperties = stamped.Count > 0 ? stamped : null;
    }

    /// <summary>
    /// The packet to send for <paramref name="packet"/>: itself when it has no interval; a copy with the remaining
    /// interval (at least 1 s) and without the arrival mark; or null when it has expired. The packet itself stays as it
    /// is, because the session may send it again after a reconnect.
    /// </summary>
    public MqttPublishPacket? Prepare(MqttPublishPacket packet)
    {
        ArgumentNullException.ThrowIfNull(packet);
        var properties = packet.UserProperties;
        var arrival = properties?.Find(IsArrival);
        if (arrival is null)
        {
            return packet;
        }

        var others = properties!.Where(p => !IsArrival(p)).ToList();
        var remaining = packet.MessageExpiryInterval;
        if (remaining > 0 && Utf8Parser.TryParse(arrival.ValueBuffer.Span, out long arrivedAt, out _))
        {
            var left = TimeSpan.FromSeconds(packet.MessageExpiryInterval) - timeProvider.GetElapsedTime(arrivedAt);
            if (left <= TimeSpan.Zero)
            {
                return null;
            }

            remaining = (uint)Math.Max(1, Math.Ceiling(left.TotalSeconds));
        }

        return CopyOf(packet, remaining, others.Count > 0 ? others : null);
    }

    private static bool IsArrival(MqttUserProperty property) => string.Equals(property.Name, ArrivalProperty, StringComparison.Ordinal);

    private static MqttPublishPacket CopyOf(MqttPublishPacket packet, uint messageExpiryInterval, List<MqttUserProperty>? userProperties) => new()
    {
        PacketIdentifier = packet.PacketIdentifier,
        Topic = packet.Topic,
        Payload = packet.Payload,
        QualityOfServiceLevel = packet.QualityOfServiceLevel,
        Retain = packet.Retain,
        Dup = packet.Dup,
        ContentType = packet.ContentType,
        CorrelationData = packet.CorrelationData,
        MessageExpiryInterval = messageExpiryInterval,
        PayloadFormatIndicator = packet.PayloadFormatIndicator,
        ResponseTopic = packet.ResponseTopic,
        SubscriptionIdentifiers = packet.SubscriptionIdentifiers,
        TopicAlias = packet.TopicAlias,
        UserProperties = userProperties,
    };
}
