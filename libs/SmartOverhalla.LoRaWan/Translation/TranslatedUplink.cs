namespace SmartOverhalla.LoRaWan.Translation;

/// <summary>An uplink turned into the contract's telemetry payload of its device kind.</summary>
/// <param name="Payload">UTF-8 JSON of the contract message (without <c>deviceId</c>: the topic names the device).</param>
/// <param name="Timestamp">Its <c>ts</c>: the device's own time when the profile maps one, else the network server's reception time.</param>
public sealed record TranslatedUplink(byte[] Payload, DateTimeOffset Timestamp);
