namespace SmartOverhalla.Simulators.LoRaWan;

/// <summary>One uplink as the network server received it, before an integration writes it as its JSON.</summary>
/// <param name="DevAddr">8 upper-case hex digits.</param>
/// <param name="ReceivedAt">The network server's reception time (after the reading was taken).</param>
/// <param name="Gateways">The gateways that heard it, best first.</param>
internal sealed record UplinkFrame(
    LoRaWanIdentity Device,
    string DevAddr,
    uint FCnt,
    DateTimeOffset ReceivedAt,
    Guid DeduplicationId,
    byte[] FrmPayload,
    UplinkPayload Decoded,
    IReadOnlyList<GatewayReception> Gateways,
    int SpreadingFactor,
    long Frequency,
    string SessionKeyId,
    string CorrelationId)
{
    public const int Bandwidth = 125_000;

    /// <summary>EU868 data rate of the spreading factor at 125 kHz (DR0 = SF12 … DR5 = SF7).</summary>
    public int DataRate => 12 - SpreadingFactor;
}

/// <summary>One gateway's reception of an uplink.</summary>
/// <param name="Eui">16 upper-case hex digits.</param>
/// <param name="Name">The gateway's TTS id.</param>
/// <param name="Timestamp">The concentrator's microsecond counter at reception.</param>
internal sealed record GatewayReception(string Eui, string Name, int Rssi, double Snr, int Channel, uint UplinkId, DateTimeOffset Time, uint Timestamp);
