namespace SmartOverhalla.Gateway.LoRaWan;

/// <summary>A command sent as a downlink, remembered until its acknowledgement (by ChirpStack queue item id or TTS correlation id).</summary>
internal sealed record SentDownlink(string CmdId, string Municipality, string LightId, int Level, DateTimeOffset SentAt);
