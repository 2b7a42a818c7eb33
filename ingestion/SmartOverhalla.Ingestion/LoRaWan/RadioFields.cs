using SmartOverhalla.Influx;
using SmartOverhalla.LoRaWan.Uplinks;

namespace SmartOverhalla.Ingestion.LoRaWan;

/// <summary>
/// The radio quality stored on the telemetry point of every LoRaWAN reading (README, stored series): operators find
/// devices with bad coverage by them. Absent values are left out, not written as 0.
/// </summary>
public static class RadioFields
{
    public const string Rssi = "rssi";
    public const string Snr = "snr";
    public const string Gateways = "gateways";
    public const string FrameCounter = "fCnt";

    public static PointData AddTo(PointData point, RadioQuality radio, long frameCounter)
    {
        ArgumentNullException.ThrowIfNull(point);
        if (radio.Rssi is { } rssi)
        {
            point.Field(Rssi, rssi);
        }

        if (radio.Snr is { } snr)
        {
            point.Field(Snr, snr);
        }

        return point.Field(Gateways, (long)radio.Gateways).Field(FrameCounter, frameCounter);
    }
}
