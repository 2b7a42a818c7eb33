using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using SmartOverhalla.Contracts.Validation;
using SmartOverhalla.LoRaWan.Topics;

namespace SmartOverhalla.LoRaWan.Uplinks;

/// <summary>
/// ChirpStack v4's <c>UplinkEvent</c> in its JSON form (integration.proto): <c>deduplicationId</c>, <c>time</c> (the
/// gateway's clock; the network server's own reception time is <c>rxInfo[].nsTime</c>, preferred here),
/// <c>deviceInfo</c> (tenant, application, device profile, device name, devEui), <c>devAddr</c>, <c>fCnt</c>,
/// <c>fPort</c>, <c>data</c> (base64), <c>object</c> (the codec's output) and <c>rxInfo</c> (one entry per gateway
/// with <c>rssi</c> and <c>snr</c>).
/// </summary>
internal static class ChirpStackUplinkReader
{
    public static bool TryRead(NetworkTopic topic, JsonElement root, [NotNullWhen(true)] out NetworkUplink? uplink, [NotNullWhen(false)] out ValidationProblem? problem)
    {
        uplink = null;
        if (JsonFields.Object(root, "deviceInfo") is not { } deviceInfo)
        {
            problem = UplinkParser.Missing("deviceInfo", "deviceInfo");
            return false;
        }

        if (!DevEui.TryNormalize(JsonFields.String(deviceInfo, "devEui"), out var devEui))
        {
            problem = UplinkParser.Missing("deviceInfo.devEui", "deviceInfo.devEui (16 hex digits)");
            return false;
        }

        if (!string.Equals(devEui, topic.Device, StringComparison.OrdinalIgnoreCase))
        {
            problem = new ValidationProblem("deviceInfo.devEui", LoRaWanReasons.Malformed, $"'{devEui}' is not the topic's DevEUI '{topic.Device}'");
            return false;
        }

        // The network server's own reception time (rxInfo[].nsTime, the earliest gateway's): 'time' is the gateway's
        // clock where the gateway has one (GPS or its own), which may be wrong by any amount on a gateway without NTP.
        if ((EarliestNetworkServerTime(JsonFields.Array(root, "rxInfo")) ?? JsonFields.Time(root, "time")) is not { } receivedAt)
        {
            problem = UplinkParser.Missing("time", "time (RFC 3339)");
            return false;
        }

        var fCnt = JsonFields.Number(root, "fCnt") ?? 0;
        var fPort = JsonFields.Number(root, "fPort") ?? 0;
        uplink = new NetworkUplink(
            LoRaWanNetwork.ChirpStack,
            topic.Application,
            JsonFields.String(deviceInfo, "applicationName"),
            null,
            JsonFields.String(deviceInfo, "deviceProfileName"),
            JsonFields.String(deviceInfo, "deviceProfileId"),
            devEui,
            JsonFields.String(deviceInfo, "deviceName") ?? devEui,
            (long)fCnt,
            (int)fPort,
            receivedAt,
            UplinkParser.Decoded(JsonFields.Object(root, "object")),
            RadioMetadata.Read(JsonFields.Array(root, "rxInfo"), "rssi", null, static gateway => JsonFields.String(gateway, "gatewayId")))
        {
            FramePayload = JsonFields.String(root, "data"),
        };
        problem = null;
        return true;
    }

    private static DateTimeOffset? EarliestNetworkServerTime(JsonElement? rxInfo)
    {
        DateTimeOffset? earliest = null;
        if (rxInfo is { } gateways)
        {
            foreach (var gateway in gateways.EnumerateArray())
            {
                if (JsonFields.Time(gateway, "nsTime") is { } time && (earliest is null || time < earliest))
                {
                    earliest = time;
                }
            }
        }

        return earliest;
    }
}
