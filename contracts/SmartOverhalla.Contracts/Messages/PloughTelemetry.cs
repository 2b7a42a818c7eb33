namespace SmartOverhalla.Contracts.Messages;

/// <summary>Periodic GPS fix and work state of one snowplough.</summary>
/// <param name="Lat">Latitude, WGS 84 degrees (−90…90).</param>
/// <param name="Lon">Longitude, WGS 84 degrees (−180…180).</param>
/// <param name="SpeedKmh">Ground speed, km/h (≥ 0).</param>
/// <param name="HeadingDeg">Course over ground, degrees from north (0 ≤ h &lt; 360).</param>
/// <param name="PloughDown">Whether the blade is down (working) rather than in transport.</param>
/// <param name="Spreading">What is spread: none, salt or sand.</param>
/// <param name="Hdop">Horizontal dilution of precision of the fix (≥ 0).</param>
public sealed record PloughTelemetry(
    string DeviceId,
    DateTimeOffset Ts,
    double Lat,
    double Lon,
    double SpeedKmh,
    double HeadingDeg,
    bool PloughDown,
    Spreading Spreading,
    double Hdop) : IDeviceMessage;
