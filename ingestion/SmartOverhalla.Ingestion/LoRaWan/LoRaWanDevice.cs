using SmartOverhalla.Contracts.Topics;

namespace SmartOverhalla.Ingestion.LoRaWan;

/// <summary>The platform device a DevEUI is, as the gateway's registry says.</summary>
public sealed record LoRaWanDevice(string DevEui, string Municipality, DeviceKind Kind, string DeviceId);
