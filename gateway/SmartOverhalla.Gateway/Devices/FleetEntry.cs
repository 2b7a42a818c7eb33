namespace SmartOverhalla.Gateway.Devices;

/// <summary>One device of a fleet list (<see cref="FleetFile"/>), with the line it came from for error messages.</summary>
/// <param name="DevEui">A LoRaWAN device's DevEUI, upper-case (<see cref="Devices.DevEui"/>); such a device gets no MQTT secret.</param>
internal sealed record FleetEntry(DeviceKey Key, string Municipality, string? Role, string? DevEui, string Line);
