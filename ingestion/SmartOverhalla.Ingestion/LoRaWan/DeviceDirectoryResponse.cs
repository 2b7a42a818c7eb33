namespace SmartOverhalla.Ingestion.LoRaWan;

/// <summary>The gateway's <c>GET /api/v1/devices/lorawan</c> answer (also the cache file's content).</summary>
internal sealed record DeviceDirectoryResponse(IReadOnlyList<DeviceDirectoryEntry>? Devices);
