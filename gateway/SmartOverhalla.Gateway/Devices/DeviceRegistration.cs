namespace SmartOverhalla.Gateway.Devices;

/// <summary>Body of <c>POST /api/v1/devices</c>.</summary>
/// <param name="Kind">streetlight, watermeter or plough.</param>
/// <param name="DeviceId">1-64 ASCII letters, digits, '-' or '_' (the device contract's rule).</param>
/// <param name="Municipality">The tenant, a lower-case slug such as <c>overhalla</c>.</param>
/// <param name="Role">Optional, e.g. <c>district-inflow</c> for a district's inflow meter.</param>
/// <param name="DevEui">
/// Optional: a LoRaWAN device's DevEUI, 16 hex digits in either case (stored upper-case, unique). Such a device reaches
/// the platform through its network server and gets no MQTT secret.
/// </param>
internal sealed record DeviceRegistration(string? Kind, string? DeviceId, string? Municipality, string? Role, string? DevEui = null);
