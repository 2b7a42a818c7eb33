using SmartOverhalla.Contracts.Topics;

namespace SmartOverhalla.Gateway.Broker;

/// <summary>Who a connected client is, decided once at connect and kept in the MQTT session's items.</summary>
internal sealed record BrokerPrincipal(
    BrokerRole Role, string Name, string? Municipality = null, DeviceKind Kind = default, string? DeviceId = null, DateTimeOffset? SecretChangedAt = null)
{
    /// <summary>Key of the principal in MQTTnet's <c>SessionItems</c>.</summary>
    public const string SessionItemKey = "smartoverhalla.principal";

    public static BrokerPrincipal Device(string username, string municipality, DeviceKind kind, string deviceId, DateTimeOffset? secretChangedAt = null) =>
        new(BrokerRole.Device, username, municipality, kind, deviceId, secretChangedAt);

    /// <summary>
    /// False for a device whose registration was removed or whose secret changed since this principal was decided:
    /// a connect validated just before a rotation or removal must not outlive it.
    /// </summary>
    public bool IsCurrentIn(SmartOverhalla.Gateway.Devices.DeviceRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        return Role != BrokerRole.Device
            || (registry.FindByUsername(Name) is { } device && device.SecretChangedAt == SecretChangedAt);
    }

    /// <summary>The device's own topic for <paramref name="message"/> (devices only).</summary>
    public string OwnTopic(MessageType message) => new DeviceTopic(Municipality!, Kind, DeviceId!, message).ToString();
}
