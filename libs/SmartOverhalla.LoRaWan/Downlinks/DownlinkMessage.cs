namespace SmartOverhalla.LoRaWan.Downlinks;

/// <summary>A downlink ready to publish to the network server: its topic and JSON.</summary>
public sealed record DownlinkMessage(string Topic, byte[] Payload);
