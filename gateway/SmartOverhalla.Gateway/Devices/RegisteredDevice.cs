using System.Text.Json.Serialization;
using SmartOverhalla.Contracts.Topics;

namespace SmartOverhalla.Gateway.Devices;

/// <summary>One device in the registry, as stored: never the secret, only its hash.</summary>
/// <param name="Role">Optional role, e.g. <c>district-inflow</c> for a district's inflow water meter (design.md).</param>
/// <param name="SecretHash">
/// PBKDF2-SHA512 of the secret in Mosquitto's <c>$7$iterations$salt$hash</c> form (<see cref="SecretHash"/>); null for
/// a LoRaWAN device, which has no MQTT login.
/// </param>
/// <param name="DevEui">
/// A LoRaWAN device's DevEUI (<see cref="Devices.DevEui"/>, upper-case): the device reaches the platform through its
/// network server (ChirpStack, The Things Stack), never through the broker itself. Null for MQTT devices; registry
/// files written before LoRaWAN support have none.
/// </param>
public sealed record RegisteredDevice(
    DeviceKind Kind,
    string DeviceId,
    string Municipality,
    string? Role,
    string? SecretHash,
    DateTimeOffset RegisteredAt,
    DateTimeOffset SecretChangedAt,
    string? DevEui = null)
{
    [JsonIgnore]
    public DeviceKey Key => new(Kind, DeviceId);

    /// <summary>The MQTT user name the device logs in with (<see cref="DeviceUsername"/>); meaningful only when <see cref="HasMqttLogin"/>.</summary>
    [JsonIgnore]
    public string Username => DeviceUsername.Of(Municipality, Kind, DeviceId);

    /// <summary>
    /// Whether the device may log in to the broker: it has a secret's hash and no DevEUI. A LoRaWAN device never does,
    /// whatever a hand-edited registry file says (so both checks).
    /// </summary>
    [JsonIgnore]
    public bool HasMqttLogin => SecretHash is not null && DevEui is null;
}
