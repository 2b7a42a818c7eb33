namespace SmartOverhalla.Contracts.Messages;

/// <summary>A message a device publishes: it names itself and carries its own clock's time.</summary>
public interface IDeviceMessage
{
    /// <summary>Must equal the topic's deviceId.</summary>
    string DeviceId { get; }

    /// <summary>The device's own time (RFC 3339, UTC). Every point written carries it, so re-delivery is idempotent.</summary>
    DateTimeOffset Ts { get; }
}
