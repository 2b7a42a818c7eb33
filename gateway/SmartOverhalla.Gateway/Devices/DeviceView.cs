using SmartOverhalla.Contracts.Topics;

namespace SmartOverhalla.Gateway.Devices;

/// <summary>A registered device as the API shows it: everything but the secret's hash.</summary>
internal sealed record DeviceView(
    DeviceKind Kind, string DeviceId, string Municipality, string? Role, string Username, DateTimeOffset RegisteredAt, DateTimeOffset SecretChangedAt)
{
    public static DeviceView Of(RegisteredDevice device) =>
        new(device.Kind, device.DeviceId, device.Municipality, device.Role, device.Username, device.RegisteredAt, device.SecretChangedAt);
}
