namespace SmartOverhalla.Gateway.Devices;

/// <summary>Body of <c>GET /api/v1/devices/lorawan</c>: every registered LoRaWAN device, sorted by DevEUI.</summary>
internal sealed record LoRaWanDirectory(IReadOnlyList<LoRaWanDirectoryEntry> Devices);
