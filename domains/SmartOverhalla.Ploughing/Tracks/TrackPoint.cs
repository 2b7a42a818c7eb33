namespace SmartOverhalla.Ploughing.Tracks;

/// <summary>
/// One GPS fix of a plough, as its telemetry gives it (the device's own time). <see cref="PloughDown"/> describes the
/// stretch driven since the fix before, as the device reports what it did until this fix.
/// </summary>
/// <param name="Time">The device's timestamp.</param>
/// <param name="Lon">WGS 84 longitude, degrees.</param>
/// <param name="Lat">WGS 84 latitude, degrees.</param>
/// <param name="SpeedKmh">Ground speed, km/h; null when not given.</param>
/// <param name="HeadingDeg">Direction of travel, degrees clockwise from north; null when not given.</param>
/// <param name="PloughDown">The blade was down (clearing) rather than up (transport).</param>
/// <param name="Hdop">Horizontal dilution of precision; null when not given.</param>
public sealed record TrackPoint(
    DateTimeOffset Time,
    double Lon,
    double Lat,
    double? SpeedKmh,
    double? HeadingDeg,
    bool PloughDown,
    double? Hdop);
