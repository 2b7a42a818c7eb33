namespace SmartOverhalla.Simulators.LoRaWan;

/// <summary>
/// One downlink the platform queued for a simulated device, as the network server read it: ChirpStack's
/// <c>command/down</c> (a DeviceQueueItem) or one item of TTS's <c>down/push</c>.
/// </summary>
/// <param name="CommandId">
/// What the device's command handling keys on: ChirpStack's queue item id; for TTS the cmdId of the
/// <c>smartoverhalla:cmd:{cmdId}</c> correlation id, else the first correlation id.
/// </param>
/// <param name="QueueItemId">ChirpStack's queue item id, named by <c>event/ack</c>; null for TTS.</param>
/// <param name="CorrelationIds">The TTS correlation ids, carried into <c>down/ack</c>; empty for ChirpStack.</param>
internal sealed record Downlink(
    LoRaWanNetwork Network,
    string CommandId,
    string? QueueItemId,
    IReadOnlyList<string> CorrelationIds,
    bool Confirmed,
    int FPort,
    byte[] FrmPayload);
