namespace SmartOverhalla.Contracts.Messages;

/// <summary>A message a device publishes: it names itself and carries its own clock's time.</summary>
public interface IDeviceMessage
{
    /// <summary>
    /// The device's id, which is the topic's: a payload may leave <c>deviceId</c> out, and one that has it must have
    /// the topic's. A record returned by the validator always carries the topic's id.
    /// </summary>
    string DeviceId { get; }

    /// <summary>The device's own time (RFC 3339, UTC). Every point written carries it, so re-delivery is idempotent.</summary>
    DateTimeOffset Ts { get; }
}
