namespace SmartOverhalla.Gateway.Broker;

/// <summary>
/// The MQTT topics of the LoRaWAN network servers' integrations, as the broker's ACL needs to tell them apart
/// (README, "Connecting a LoRaWAN network server"): ChirpStack v4 <c>application/{applicationId}/device/{devEui}/event/{event}</c> and
/// <c>…/command/down</c>; The Things Stack v3 <c>v3/{applicationId}[@{tenantId}]/devices/{deviceId}/up</c>,
/// <c>…/down/{ack|nack|sent|failed|queued}</c> and <c>…/down/push</c>. Topic checks demand every level non-empty and
/// free of wildcards, with the exact number of levels; filter checks say whether a subscription can only match topics
/// of a given shape. Only the shapes: what a payload means is the LoRaWAN library's business.
/// </summary>
internal static class LoRaWanTopics
{
    private static readonly string[] TtsDownlinkEvents = ["ack", "nack", "sent", "failed", "queued"];

    // Shapes: "+" is one level of any value, a trailing "#" any levels below (or none), anything else itself.
    private static readonly string[] ChirpStackEvents = ["application", "+", "device", "+", "event", "#"];
    private static readonly string[] ChirpStackUplink = ["application", "+", "device", "+", "event", "up"];
    // ChirpStack subscribes to its command topic with '+' for the command's name; the gateway only ever publishes 'down'.
    private static readonly string[] ChirpStackCommands = ["application", "+", "device", "+", "command", "+"];
    private static readonly string[] TtsDevices = ["v3", "+", "devices", "+", "#"];
    private static readonly string[] TtsUplink = ["v3", "+", "devices", "+", "up"];
    private static readonly string[] TtsDownlinkPush = ["v3", "+", "devices", "+", "down", "push"];

    /// <summary>ChirpStack's events, published by the network server: <c>application/{a}/device/{d}/event/{e}</c>.</summary>
    public static bool IsChirpStackEvent(string topic) =>
        TryLevels(topic, 6, out var levels) && levels[0] == "application" && levels[2] == "device" && levels[4] == "event";

    /// <summary>A downlink to ChirpStack, published by the gateway: <c>application/{a}/device/{d}/command/down</c>.</summary>
    public static bool IsChirpStackDownlink(string topic) =>
        TryLevels(topic, 6, out var levels) && levels[0] == "application" && levels[2] == "device" && levels[4] == "command" && levels[5] == "down";

    /// <summary>The Things Stack's uplink, published by the network server: <c>v3/{a}/devices/{d}/up</c>.</summary>
    public static bool IsTtsUplink(string topic) =>
        TryLevels(topic, 5, out var levels) && levels[0] == "v3" && levels[2] == "devices" && levels[4] == "up";

    /// <summary>The Things Stack's downlink events: <c>v3/{a}/devices/{d}/down/{ack|nack|sent|failed|queued}</c>.</summary>
    public static bool IsTtsDownlinkEvent(string topic) =>
        TryLevels(topic, 6, out var levels) && levels[0] == "v3" && levels[2] == "devices" && levels[4] == "down" && TtsDownlinkEvents.Contains(levels[5]);

    /// <summary>A downlink to The Things Stack, published by the gateway: <c>v3/{a}/devices/{d}/down/push</c>.</summary>
    public static bool IsTtsDownlinkPush(string topic) =>
        TryLevels(topic, 6, out var levels) && levels[0] == "v3" && levels[2] == "devices" && levels[4] == "down" && levels[5] == "push";

    /// <summary>What the network server subscribes to: downlinks, <c>application/+/device/+/command/+</c> or <c>v3/+/devices/+/down/push</c> or narrower.</summary>
    public static bool IsDownlinkFilter(string filter) => IsWithin(filter, ChirpStackCommands) || IsWithin(filter, TtsDownlinkPush);

    /// <summary>What the ingestion subscribes to: uplinks, <c>application/+/device/+/event/up</c> or <c>v3/+/devices/+/up</c> or narrower.</summary>
    public static bool IsUplinkFilter(string filter) => IsWithin(filter, ChirpStackUplink) || IsWithin(filter, TtsUplink);

    /// <summary>What the gateway subscribes to: filters within <c>application/+/device/+/event/#</c> or <c>v3/+/devices/+/#</c>.</summary>
    public static bool IsEventFilter(string filter) => IsWithin(filter, ChirpStackEvents) || IsWithin(filter, TtsDevices);

    /// <summary>Splits a topic (not a filter) of exactly <paramref name="count"/> non-empty levels without wildcards.</summary>
    private static bool TryLevels(string topic, int count, out string[] levels)
    {
        levels = topic.Split('/');
        return levels.Length == count && levels.All(l => l.Length > 0 && l.AsSpan().IndexOfAny('+', '#') < 0);
    }

    /// <summary>
    /// True when every topic <paramref name="filter"/> can match is of <paramref name="shape"/>: level by level the
    /// filter has the shape's literal, or a literal or '+' where the shape has '+'; below a trailing '#' of the
    /// shape anything goes. A filter's own '#' is admitted only there, and empty levels never.
    /// </summary>
    private static bool IsWithin(string filter, string[] shape)
    {
        var levels = filter.Split('/');
        for (var i = 0; i < shape.Length; i++)
        {
            if (shape[i] == "#")
            {
                return levels.Skip(i).SkipLast(1).All(l => l.Length > 0 && l != "#")
                    && (levels.Length <= i || levels[^1].Length > 0);
            }

            if (i >= levels.Length)
            {
                return false;
            }

            var level = levels[i];
            var fits = shape[i] == "+"
                ? level == "+" || (level.Length > 0 && level.AsSpan().IndexOfAny('+', '#') < 0)
                : level == shape[i];
            if (!fits)
            {
                return false;
            }
        }

        return levels.Length == shape.Length;
    }
}
