namespace SmartOverhalla.Contracts.Messages;

/// <summary>Retained online/offline announcement; the offline form is also the device's MQTT last will.</summary>
public sealed record DeviceStatus(
    string DeviceId,
    DateTimeOffset Ts,
    DeviceState State) : IDeviceMessage;
