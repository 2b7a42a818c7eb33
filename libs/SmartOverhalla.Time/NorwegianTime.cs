namespace SmartOverhalla.Time;

/// <summary>
/// Norway's civil time, Europe/Oslo: CET (UTC+1), CEST (UTC+2) from 01:00 UTC on the last Sunday of March to
/// 01:00 UTC on the last Sunday of October (EU summer-time directive 2000/84/EC, which Norway follows). The one
/// place in the platform that turns instants into local dates and times, and local dates into instants.
/// </summary>
public static class NorwegianTime
{
    /// <summary>The IANA id of Norway's time zone.</summary>
    public const string ZoneId = "Europe/Oslo";

    /// <summary>Europe/Oslo from the system's time-zone data (ICU/tzdata on Linux).</summary>
    public static TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById(ZoneId);

    /// <summary>The local wall-clock time at <paramref name="instant"/> (kind unspecified).</summary>
    public static DateTime ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone).DateTime;

    /// <summary>The local date at <paramref name="instant"/>.</summary>
    public static DateOnly DateAt(DateTimeOffset instant) => DateOnly.FromDateTime(ToLocal(instant));

    /// <summary>Local time of day at <paramref name="instant"/> in hours, 0 ≤ h &lt; 24.</summary>
    public static double HourOfDay(DateTimeOffset instant) => ToLocal(instant).TimeOfDay.TotalHours;

    /// <summary>
    /// Local midnight starting <paramref name="date"/>, as UTC. Norway changes its clocks at 02:00/03:00, never at
    /// midnight, so every local midnight exists exactly once.
    /// </summary>
    public static DateTimeOffset MidnightOf(DateOnly date)
    {
        var local = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, Zone.GetUtcOffset(local)).ToUniversalTime();
    }
}
