using SmartOverhalla.Contracts.Topics;

namespace SmartOverhalla.Gateway.LoRaWan;

/// <summary>A registered device that reaches the platform through a LoRaWAN network server.</summary>
internal sealed record LoRaWanIdentity(string DevEui, string Municipality, DeviceKind Kind, string DeviceId);
