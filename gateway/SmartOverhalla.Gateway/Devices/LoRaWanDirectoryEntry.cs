namespace SmartOverhalla.Gateway.Devices;

/// <summary>One LoRaWAN device: its DevEUI (upper-case) and the device it is on the platform.</summary>
/// <param name="Kind">streetlight, watermeter or plough (the topic form).</param>
internal sealed record LoRaWanDirectoryEntry(string DevEui, string Kind, string DeviceId, string Municipality);
