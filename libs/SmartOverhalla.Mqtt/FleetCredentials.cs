using System.Security.Cryptography;
using System.Text;

namespace SmartOverhalla.Mqtt;

/// <summary>
/// Credentials of a device provisioned through a fleet key: the password is base64url(HMAC-SHA256(fleetKey,
/// user name)), computed alike by the gateway (which registers only its hash) and by the device (simulators), so a
/// fleet needs only the one key on the device side. Knowing one device's password tells nothing about another's
/// or about the key (HMAC is a PRF); whoever holds the fleet key can log in as every device of the fleet, so it is a
/// secret of the same rank as the devices' own (environment only, never in the repo).
/// </summary>
public static class FleetCredentials
{
    /// <summary>Shortest fleet key accepted: 128 bits as base64 (22 characters) or longer text.</summary>
    public const int MinKeyLength = 22;

    /// <summary>A device user name: <c>{municipality}/{kind}/{deviceId}</c>, its topic subtree below <c>smartcity/v1/</c>.</summary>
    public static string Username(string municipality, string kind, string deviceId) => $"{municipality}/{kind}/{deviceId}";

    public static string Password(string fleetKey, string username)
    {
        ArgumentException.ThrowIfNullOrEmpty(fleetKey);
        ArgumentException.ThrowIfNullOrEmpty(username);
        return Base64Url(HMACSHA256.HashData(Encoding.UTF8.GetBytes(fleetKey), Encoding.UTF8.GetBytes(username)));
    }

    internal static string Base64Url(ReadOnlySpan<byte> bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
