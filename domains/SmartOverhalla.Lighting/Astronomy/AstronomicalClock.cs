namespace SmartOverhalla.Lighting.Astronomy;

/// <summary>
/// Sunrise, sunset, civil dawn and civil dusk, solar noon and solar midnight for a place and a date, by the
/// NOAA solar algorithm (NOAA Global Monitoring Division, "General Solar Position Calculations"): the hour
/// angle at which the sun's centre reaches the event's altitude, placed around solar noon by the equation of
/// time. Like NOAA's own calculator, each event is solved again with the sun's position at the event itself
/// (not at noon), which matters at 64.5° N where the sun crosses the horizon at a shallow angle.
/// </summary>
/// <remarks>
/// "The date" is the civil date at the place: the day whose solar noon falls near 12:00 local mean time.
/// Morning events (sunrise, civil dawn) are the last crossing before that solar noon, evening events
/// (sunset, civil dusk) the first crossing after it; when the sun stays on one side of the altitude the whole
/// half-day, the result says which side instead of an instant.
/// </remarks>
public static class AstronomicalClock
{
    private const double MinutesPerDegreeOfHourAngle = 4.0;
    private const int MaxIterations = 10;
    private static readonly TimeSpan Converged = TimeSpan.FromSeconds(1);

    /// <summary>Sunrise on <paramref name="date"/> at <paramref name="location"/>.</summary>
    public static SolarEvent Sunrise(GeoCoordinate location, DateOnly date) => Find(SolarEventKind.Sunrise, location, date);

    /// <summary>Sunset on <paramref name="date"/> at <paramref name="location"/>.</summary>
    public static SolarEvent Sunset(GeoCoordinate location, DateOnly date) => Find(SolarEventKind.Sunset, location, date);

    /// <summary>Civil dawn (sun's centre rising through -6°) on <paramref name="date"/> at <paramref name="location"/>.</summary>
    public static SolarEvent CivilDawn(GeoCoordinate location, DateOnly date) => Find(SolarEventKind.CivilDawn, location, date);

    /// <summary>Civil dusk (sun's centre setting through -6°) on <paramref name="date"/> at <paramref name="location"/>.</summary>
    public static SolarEvent CivilDusk(GeoCoordinate location, DateOnly date) => Find(SolarEventKind.CivilDusk, location, date);

    /// <summary>The instant of <paramref name="kind"/> on <paramref name="date"/> at <paramref name="location"/>, or why there is none.</summary>
    public static SolarEvent Find(SolarEventKind kind, GeoCoordinate location, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(location);
        var altitude = kind.Altitude();
        var morning = kind.IsMorning();
        var noon = SolarNoon(location, date);

        // The sun is highest at noon and lowest at the lower transit on the event's side of noon, so those two
        // moments decide whether the crossing happens at all (declination barely moves in between).
        if (SolarPosition.At(noon).CosHourAngle(location.Latitude, altitude) >= 1.0)
        {
            return SolarEvent.SunAlwaysBelow.Instance;
        }

        var lowest = morning ? SolarMidnight(location, date.AddDays(-1)) : SolarMidnight(location, date);
        if (SolarPosition.At(lowest).CosHourAngle(location.Latitude, altitude) <= -1.0)
        {
            return SolarEvent.SunAlwaysAbove.Instance;
        }

        // NOAA's iteration: start from noon, then re-solve with the sun's position at the previous estimate.
        var estimate = noon;
        for (var i = 0; i < MaxIterations; i++)
        {
            var position = SolarPosition.At(estimate);
            var hourAngle = HourAngleDegrees(position.CosHourAngle(location.Latitude, altitude));
            var signed = morning ? -hourAngle : hourAngle;
            var next = TransitAt(location, date, signed, position);
            var change = (next - estimate).Duration();
            estimate = next;
            if (change < Converged)
            {
                break;
            }
        }

        return new SolarEvent.Occurs(estimate);
    }

    /// <summary>Solar noon (upper transit: the sun due south and highest) on <paramref name="date"/>, UTC.</summary>
    public static DateTimeOffset SolarNoon(GeoCoordinate location, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(location);
        return Transit(location, date, 0.0);
    }

    /// <summary>
    /// Solar midnight (lower transit: the sun due north and lowest) in the night after <paramref name="date"/>'s
    /// solar noon, UTC.
    /// </summary>
    public static DateTimeOffset SolarMidnight(GeoCoordinate location, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(location);
        return Transit(location, date, 180.0);
    }

    /// <summary>All four events and both transits of one date, for display and tests.</summary>
    public static SolarDay Day(GeoCoordinate location, DateOnly date) => new(
        date,
        SolarNoon(location, date),
        CivilDawn(location, date),
        Sunrise(location, date),
        Sunset(location, date),
        CivilDusk(location, date));

    /// <summary>The instant the sun is at <paramref name="hourAngleDegrees"/> (0 = noon), solved with the sun's position there.</summary>
    private static DateTimeOffset Transit(GeoCoordinate location, DateOnly date, double hourAngleDegrees)
    {
        var estimate = TransitAt(location, date, hourAngleDegrees, SolarPosition.At(MidnightUtc(date).AddHours(12)));
        return TransitAt(location, date, hourAngleDegrees, SolarPosition.At(estimate));
    }

    /// <summary>
    /// NOAA: minutes after 00:00 UTC = 720 - 4·(longitude - hour angle) - equation of time, with longitude east
    /// positive and the hour angle positive in the afternoon.
    /// </summary>
    private static DateTimeOffset TransitAt(GeoCoordinate location, DateOnly date, double hourAngleDegrees, SolarPosition position)
    {
        var minutes = 720.0
            - (MinutesPerDegreeOfHourAngle * (location.Longitude - hourAngleDegrees))
            - position.EquationOfTimeMinutes;
        return MidnightUtc(date).AddMinutes(minutes);
    }

    /// <summary>
    /// The hour angle of the crossing, degrees. Clamped at the edges: when an iteration lands where the sun just
    /// fails to reach the altitude, the crossing is at noon (0°) or at the lower transit (180°).
    /// </summary>
    private static double HourAngleDegrees(double cosHourAngle) =>
        Math.Acos(Math.Clamp(cosHourAngle, -1.0, 1.0)) * 180.0 / Math.PI;

    private static DateTimeOffset MidnightUtc(DateOnly date) => new(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
}
