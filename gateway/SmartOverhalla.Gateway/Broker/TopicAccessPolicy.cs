using SmartOverhalla.Contracts.Topics;

namespace SmartOverhalla.Gateway.Broker;

/// <summary>
/// The broker's ACL (design.md, Security; issue 5): a device may publish only to its own telemetry, event, status and
/// ack topics and subscribe only to its own cmd topic; only the gateway may publish commands; the ingestion worker
/// may subscribe to the device tree and publish dead letters. Everything else is refused. The Mosquitto ACL file the
/// gateway writes (Devices/Mosquitto) says the same.
/// <para>
/// LoRaWAN (issue 12, README "Connecting a LoRaWAN network server"; shapes in <see cref="LoRaWanTopics"/>): the network
/// server's account publishes ChirpStack events and The Things Stack uplinks and downlink events, and subscribes to
/// downlinks; the gateway also publishes downlinks and subscribes to the network servers' events; the ingestion
/// worker also subscribes to uplinks (shared subscriptions too). Devices never touch these trees.
/// </para>
/// </summary>
internal static class TopicAccessPolicy
{
    private const string DeviceTree = TopicNames.Root + "/";
    private const string DeadLetterTree = TopicNames.DeadLetterRoot + "/";
    private const string SharedPrefix = "$share/";

    public static bool MayPublish(BrokerPrincipal principal, string topic)
    {
        ArgumentNullException.ThrowIfNull(principal);
        ArgumentNullException.ThrowIfNull(topic);
        switch (principal.Role)
        {
            case BrokerRole.Anonymous:
                return true;
            case BrokerRole.Device:
                return DeviceTopic.TryParse(topic, out var own, out _)
                    && own.Message is MessageType.Telemetry or MessageType.Event or MessageType.Status or MessageType.Ack
                    && own.Municipality == principal.Municipality
                    && own.Kind == principal.Kind
                    && own.DeviceId == principal.DeviceId;
            case BrokerRole.Gateway:
                return (DeviceTopic.TryParse(topic, out var command, out _) && command.Message == MessageType.Cmd)
                    || LoRaWanTopics.IsChirpStackDownlink(topic)
                    || LoRaWanTopics.IsTtsDownlinkPush(topic);
            case BrokerRole.Ingestion:
                return topic.StartsWith(DeadLetterTree, StringComparison.Ordinal) && topic.Length > DeadLetterTree.Length;
            case BrokerRole.NetworkServer:
                return LoRaWanTopics.IsChirpStackEvent(topic) || LoRaWanTopics.IsTtsUplink(topic) || LoRaWanTopics.IsTtsDownlinkEvent(topic);
            default:
                return false;
        }
    }

    public static bool MaySubscribe(BrokerPrincipal principal, string filter)
    {
        ArgumentNullException.ThrowIfNull(principal);
        ArgumentNullException.ThrowIfNull(filter);
        return principal.Role switch
        {
            BrokerRole.Anonymous => true,
            // Exactly the own command topic: no wildcard can widen it.
            BrokerRole.Device => filter == principal.OwnTopic(MessageType.Cmd),
            BrokerRole.Gateway => IsWithinDeviceTree(Unshared(filter)) || LoRaWanTopics.IsEventFilter(Unshared(filter)),
            BrokerRole.Ingestion => IsWithinDeviceTree(Unshared(filter)) || LoRaWanTopics.IsUplinkFilter(Unshared(filter)),
            BrokerRole.NetworkServer => LoRaWanTopics.IsDownlinkFilter(filter),
            _ => false,
        };
    }

    /// <summary>A filter that can only match topics below <c>smartcity/v1/</c> ("#" or "+/..." at the top could match anything).</summary>
    private static bool IsWithinDeviceTree(string filter) =>
        filter.StartsWith(DeviceTree, StringComparison.Ordinal) && filter.Length > DeviceTree.Length;

    /// <summary>MQTT 5 shared subscription <c>$share/{group}/{filter}</c> → the filter.</summary>
    private static string Unshared(string filter)
    {
        if (!filter.StartsWith(SharedPrefix, StringComparison.Ordinal))
        {
            return filter;
        }

        var slash = filter.IndexOf('/', SharedPrefix.Length);
        return slash < 0 ? string.Empty : filter[(slash + 1)..];
    }
}
