using SmartOverhalla.Contracts.Topics;
using SmartOverhalla.Mqtt;

namespace SmartOverhalla.Gateway.Devices;

/// <summary>
/// A device's MQTT user name is its topic subtree below the root: <c>{municipality}/{kind}/{deviceId}</c>, e.g.
/// <c>overhalla/streetlight/sim-light-0001</c>. So Mosquitto's pattern ACLs can say "own topics" as
/// <c>smartcity/v1/%u/telemetry</c>, and a user name names exactly one device of one tenant. None of the three
/// parts may hold '/', '+', '#' or ':' (DeviceTopic's rules), so a user name can neither widen a pattern ACL nor
/// break a line of Mosquitto's password file.
/// </summary>
public static class DeviceUsername
{
    public static string Of(string municipality, DeviceKind kind, string deviceId) =>
        FleetCredentials.Username(municipality, TopicNames.Of(kind), deviceId);

    /// <summary>Parses a user name of the device form; false for anything else (service accounts, garbage).</summary>
    public static bool TryParse(string? username, out string municipality, out DeviceKey key)
    {
        (municipality, key) = (string.Empty, default);
        if (string.IsNullOrEmpty(username))
        {
            return false;
        }

        var parts = username.Split('/');
        if (parts.Length != 3
            || !DeviceTopic.IsValidMunicipality(parts[0])
            || !TopicNames.TryParseKind(parts[1], out var kind)
            || !DeviceTopic.IsValidDeviceId(parts[2]))
        {
            return false;
        }

        (municipality, key) = (parts[0], new DeviceKey(kind, parts[2]));
        return true;
    }
}
