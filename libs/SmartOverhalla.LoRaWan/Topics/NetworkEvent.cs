namespace SmartOverhalla.LoRaWan.Topics;

/// <summary>What a network server's topic carries, as far as the platform reads it.</summary>
public enum NetworkEvent
{
    /// <summary>A device's uplink (ChirpStack <c>event/up</c>, TTS <c>up</c>).</summary>
    Uplink,

    /// <summary>A confirmed downlink acknowledged by the device (ChirpStack <c>event/ack</c>, TTS <c>down/ack</c>).</summary>
    DownlinkAck,

    /// <summary>A confirmed downlink the device did not acknowledge (TTS <c>down/nack</c>).</summary>
    DownlinkNack,

    /// <summary>Any other event (join, status, log, txack, down/sent, …): not read.</summary>
    Other,
}
