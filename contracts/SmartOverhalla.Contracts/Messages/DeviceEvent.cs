namespace SmartOverhalla.Contracts.Messages;

/// <summary>An alarm or state change of a device. <see cref="Type"/> is one of the kind's <see cref="EventTypes"/>.</summary>
/// <param name="Type">What happened, e.g. <c>lampFailure</c>.</param>
/// <param name="Detail">Optional free text from the device, for staff (never personal data).</param>
public sealed record DeviceEvent(
    string DeviceId,
    DateTimeOffset Ts,
    string Type,
    string? Detail = null) : IDeviceMessage;
