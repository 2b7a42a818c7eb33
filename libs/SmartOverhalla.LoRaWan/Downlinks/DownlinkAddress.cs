namespace SmartOverhalla.LoRaWan.Downlinks;

/// <summary>
/// Where a device's downlinks go, learnt from its uplinks: the network server, the application (ChirpStack
/// application id; TTS application id and tenant) and the device as that server names it (ChirpStack DevEUI, TTS
/// device id).
/// </summary>
public sealed record DownlinkAddress(LoRaWanNetwork Network, string Application, string? Tenant, string DevEui, string NetworkDeviceId);
