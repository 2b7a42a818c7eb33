namespace SmartOverhalla.Ingestion.LoRaWan;

/// <summary>One registered LoRaWAN device as the gateway lists it; every field is checked before use.</summary>
internal sealed record DeviceDirectoryEntry(string? DevEui, string? Kind, string? DeviceId, string? Municipality);
