using System.Security.Cryptography;
using SmartOverhalla.Mqtt;

namespace SmartOverhalla.Gateway.Devices;

/// <summary>
/// Device secrets: 256 random bits as base64url (43 characters), or derived from a fleet key
/// (<see cref="FleetCredentials"/>); the registry stores the hash either way.
/// </summary>
public static class DeviceSecrets
{
    public static string NewSecret() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string FromFleetKey(string fleetKey, string username) => FleetCredentials.Password(fleetKey, username);
}
