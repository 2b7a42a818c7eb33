namespace SmartOverhalla.LoRaWan.Uplinks;

/// <summary>
/// How well an uplink was heard: the best RSSI and SNR over the gateways that received it, and how many did.
/// Operators use it to find devices with bad coverage.
/// </summary>
/// <param name="Rssi">Best received signal strength, dBm; null when the network server sent no gateway metadata.</param>
/// <param name="Snr">Best signal-to-noise ratio, dB; null when unknown.</param>
/// <param name="Gateways">How many gateways heard it (0 when unknown).</param>
public readonly record struct RadioQuality(double? Rssi, double? Snr, int Gateways);
