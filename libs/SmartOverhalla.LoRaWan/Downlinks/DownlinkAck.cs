namespace SmartOverhalla.LoRaWan.Downlinks;

/// <summary>A network server's report that a device acknowledged (or did not acknowledge) a confirmed downlink.</summary>
/// <param name="DevEui">16 upper-case hex digits.</param>
/// <param name="QueueItemId">ChirpStack: the downlink's queue item id; TTS: null.</param>
/// <param name="CmdId">TTS: the command id from the downlink's correlation ids; ChirpStack: null (match <see cref="QueueItemId"/> with <see cref="CommandCorrelation.QueueItemId"/>).</param>
public sealed record DownlinkAck(LoRaWanNetwork Network, string DevEui, bool Acknowledged, Guid? QueueItemId, string? CmdId, DateTimeOffset? At);
