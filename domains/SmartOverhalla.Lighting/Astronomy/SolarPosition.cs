namespace SmartOverhalla.Lighting.Astronomy;

/// <summary>
/// The sun's declination and the equation of time at one instant, by NOAA's "General Solar Position
/// Calculations" (NOAA Global Monitoring Division; the equations of its solar calculator, after Meeus,
/// "Astronomical Algorithms", 2nd ed., chapters 25 and 28). Accurate to about 0.01° in declination and a
/// few seconds in the equation of time for 1950–2050, which keeps rise and set within a minute below 72°.
/// </summary>
/// <param name="DeclinationDegrees">The sun's apparent declination, degrees north.</param>
/// <param name="EquationOfTimeMinutes">Apparent minus mean solar time, minutes.</param>
internal readonly record struct SolarPosition(double DeclinationDegrees, double EquationOfTimeMinutes)
{
    /// <summary>Julian day number of the Unix epoch (1970-01-01T00:00Z).</summary>
    private const double UnixEpochJulianDay = 2440587.5;

    /// <summary>Julian day of J2000.0 (2000-01-01T12:00 TT), the origin of NOAA's Julian centuries.</summary>
    private const double J2000 = 2451545.0;

    /// <summary>The sun's position at <paramref name="instant"/>.</summary>
    public static SolarPosition At(DateTimeOffset instant)
    {
        // NOAA works in Julian centuries of UT since J2000 and ignores ΔT (about 69 s): that moves the
        // sun by 0.003°, far below the minute this is used for.
        var julianDay = UnixEpochJulianDay + (instant.ToUnixTimeMilliseconds() / 86_400_000.0);
        var t = (julianDay - J2000) / 36525.0;

        var meanLongitude = Normalize(280.46646 + (t * (36000.76983 + (t * 0.0003032))));
        var meanAnomaly = 357.52911 + (t * (35999.05029 - (0.0001537 * t)));
        var eccentricity = 0.016708634 - (t * (0.000042037 + (0.0000001267 * t)));

        var m = ToRadians(meanAnomaly);
        var equationOfCentre = (Math.Sin(m) * (1.914602 - (t * (0.004817 + (0.000014 * t)))))
            + (Math.Sin(2 * m) * (0.019993 - (0.000101 * t)))
            + (Math.Sin(3 * m) * 0.000289);
        var trueLongitude = meanLongitude + equationOfCentre;

        // Nutation and aberration, shortened to the longitude of the Moon's ascending node (Ω).
        var omega = ToRadians(125.04 - (1934.136 * t));
        var apparentLongitude = trueLongitude - 0.00569 - (0.00478 * Math.Sin(omega));

        var meanObliquity = 23.0 + ((26.0 + ((21.448 - (t * (46.815 + (t * (0.00059 - (t * 0.001813)))))) / 60.0)) / 60.0);
        var obliquity = ToRadians(meanObliquity + (0.00256 * Math.Cos(omega)));

        var declination = Math.Asin(Math.Sin(obliquity) * Math.Sin(ToRadians(apparentLongitude)));

        var y = Math.Tan(obliquity / 2) * Math.Tan(obliquity / 2);
        var l0 = ToRadians(meanLongitude);
        var equationOfTime = y * Math.Sin(2 * l0)
            - (2 * eccentricity * Math.Sin(m))
            + (4 * eccentricity * y * Math.Sin(m) * Math.Cos(2 * l0))
            - (0.5 * y * y * Math.Sin(4 * l0))
            - (1.25 * eccentricity * eccentricity * Math.Sin(2 * m));

        return new SolarPosition(ToDegrees(declination), 4.0 * ToDegrees(equationOfTime));
    }

    /// <summary>
    /// The cosine of the hour angle at which the sun's centre is at <paramref name="altitudeDegrees"/> seen
    /// from <paramref name="latitudeDegrees"/>. At or below -1 the sun stays above that altitude all day;
    /// at or above 1 it stays below.
    /// </summary>
    public double CosHourAngle(double latitudeDegrees, double altitudeDegrees)
    {
        var latitude = ToRadians(latitudeDegrees);
        var declination = ToRadians(DeclinationDegrees);
        return (Math.Sin(ToRadians(altitudeDegrees)) - (Math.Sin(latitude) * Math.Sin(declination)))
            / (Math.Cos(latitude) * Math.Cos(declination));
    }

    private static double Normalize(double degrees)
    {
        var value = degrees % 360.0;
        return value < 0 ? value + 360.0 : value;
    }

    private static double ToRadians(double degrees) => degrees * Math.PI / 180.0;

    private static double ToDegrees(double radians) => radians * 180.0 / Math.PI;
}
