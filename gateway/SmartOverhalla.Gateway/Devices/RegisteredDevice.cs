using System.Text.Json.Serialization;
using SmartOverhalla.Contracts.Topics;

namespace SmartOverhalla.Gateway.Devices;

/// <summary>One device in the registry, as stored: never the secret, only its hash.</summary>
/// <param name="Role">Optional role, e.g. <c>district-inflow</c> for a district's inflow water meter (design.md).</param>
/// <param name="SecretHash">PBKDF2-SHA512 of the secret in Mosquitto's <c>$7$iterations$salt$hash</c> form (<see cref="SecretHash"/>).</param>
public sealed record RegisteredDevice(
    DeviceKind Kind,
    string DeviceId,
    string Municipality,
    string? Role,
    string SecretHash,
    DateTimeOffset RegisteredAt,
    DateTimeOffset SecretChangedAt)
{
    [JsonIgnore]
    public DeviceKey Key => new(Kind, DeviceId);

    /// <summary>The MQTT user name the device logs in with (<see cref="DeviceUsername"/>).</summary>
    [JsonIgnore]
    public string Username => DeviceUsername.Of(Municipality, Kind, DeviceId);
}
