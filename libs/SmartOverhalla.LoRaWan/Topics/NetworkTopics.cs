using System.Diagnostics.CodeAnalysis;

namespace SmartOverhalla.LoRaWan.Topics;

/// <summary>
/// The topic trees of the two network servers' MQTT integrations, as their projects document them:
/// ChirpStack v4 <c>application/{applicationId}/device/{devEui}/event/{event}</c> and
/// <c>…/command/down</c>; The Things Stack v3 <c>v3/{applicationId}[@{tenantId}]/devices/{deviceId}/up</c>,
/// <c>…/down/ack</c>, <c>…/down/nack</c> and <c>…/down/push</c>.
/// </summary>
public static class NetworkTopics
{
    /// <summary>Every device's uplinks on either network server.</summary>
    public static readonly IReadOnlyList<string> UplinkFilters = ["application/+/device/+/event/up", "v3/+/devices/+/up"];

    /// <summary>Every device's downlink acknowledgements (and TTS's negative ones).</summary>
    public static readonly IReadOnlyList<string> DownlinkAckFilters = ["application/+/device/+/event/ack", "v3/+/devices/+/down/ack", "v3/+/devices/+/down/nack"];

    private const string ChirpStackRoot = "application";
    private const string TtsRoot = "v3";

    /// <summary>Whether <paramref name="topic"/> lies in either network server's tree (the ingestion routes it to the LoRaWAN path).</summary>
    public static bool IsNetworkServerTopic(string topic) =>
        topic.StartsWith(ChirpStackRoot + "/", StringComparison.Ordinal) || topic.StartsWith(TtsRoot + "/", StringComparison.Ordinal);

    /// <summary>Parses a ChirpStack or TTS topic; false for anything else, or a level that is empty or not what the tree allows.</summary>
    public static bool TryParse(string topic, [NotNullWhen(true)] out NetworkTopic? parsed)
    {
        ArgumentNullException.ThrowIfNull(topic);
        parsed = null;
        var levels = topic.Split('/');
        if (levels.Any(level => level.Length == 0 || level.Contains('+', StringComparison.Ordinal) || level.Contains('#', StringComparison.Ordinal)))
        {
            return false;
        }

        if (levels is [ChirpStackRoot, var application, "device", var devEui, "event", var chirpEvent])
        {
            if (!DevEui.TryNormalize(devEui, out _))
            {
                return false;
            }

            parsed = new NetworkTopic(LoRaWanNetwork.ChirpStack, application, null, devEui, chirpEvent switch
            {
                "up" => NetworkEvent.Uplink,
                "ack" => NetworkEvent.DownlinkAck,
                _ => NetworkEvent.Other,
            });
            return true;
        }

        if (levels.Length >= 5 && levels[0] == TtsRoot && levels[2] == "devices")
        {
            var (app, tenant) = SplitTenant(levels[1]);
            if (app.Length == 0 || tenant is { Length: 0 })
            {
                return false;
            }

            var ttsEvent = levels[4..] switch
            {
                ["up"] => NetworkEvent.Uplink,
                ["down", "ack"] => NetworkEvent.DownlinkAck,
                ["down", "nack"] => NetworkEvent.DownlinkNack,
                _ => NetworkEvent.Other,
            };
            parsed = new NetworkTopic(LoRaWanNetwork.TheThingsStack, app, tenant, levels[3], ttsEvent);
            return true;
        }

        return false;
    }

    /// <summary>ChirpStack's downlink command topic for a device.</summary>
    public static string ChirpStackDownlink(string applicationId, string devEui) =>
        $"{ChirpStackRoot}/{applicationId}/device/{devEui.ToLowerInvariant()}/command/down";

    /// <summary>The Things Stack's downlink push topic for a device.</summary>
    public static string TtsDownlinkPush(string application, string? tenant, string deviceId) =>
        $"{TtsRoot}/{(tenant is null ? application : $"{application}@{tenant}")}/devices/{deviceId}/down/push";

    private static (string Application, string? Tenant) SplitTenant(string level)
    {
        var at = level.IndexOf('@', StringComparison.Ordinal);
        return at < 0 ? (level, null) : (level[..at], level[(at + 1)..]);
    }
}
