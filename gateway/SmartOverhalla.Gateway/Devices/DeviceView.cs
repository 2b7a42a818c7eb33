using SmartOverhalla.Contracts.Topics;

namespace SmartOverhalla.Gateway.Devices;

/// <summary>A registered device as the API shows it: everything but the secret's hash.</summary>
/// <param name="Username">The MQTT user name; null for a LoRaWAN device, which has no MQTT login.</param>
/// <param name="SecretChangedAt">When the secret last changed; null for a LoRaWAN device, which has no secret.</param>
/// <param name="DevEui">A LoRaWAN device's DevEUI (upper-case); null for an MQTT device.</param>
internal sealed record DeviceView(
    DeviceKind Kind,
    string DeviceId,
    string Municipality,
    string? Role,
    string? Username,
    DateTimeOffset RegisteredAt,
    DateTimeOffset? SecretChangedAt,
    string? DevEui)
{
    public static DeviceView Of(RegisteredDevice device)
    {
        ArgumentNullException.ThrowIfNull(device);
        var login = device.HasMqttLogin;
        return new(
            device.Kind,
            device.DeviceId,
            device.Municipality,
            device.Role,
            login ? device.Username : null,
            device.RegisteredAt,
            login ? device.SecretChangedAt : null,
            device.DevEui);
    }
}
