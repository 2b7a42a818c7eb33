using SmartOverhalla.Lighting.Calendar;

namespace SmartOverhalla.Lighting.Configuration;

/// <summary>The profile a zone follows on each <see cref="DayType"/>.</summary>
/// <param name="Weekday">Monday–Friday evenings that are not holidays.</param>
/// <param name="Saturday">Saturday evenings that are not holidays.</param>
/// <param name="SundayOrHoliday">Sunday and public-holiday evenings.</param>
public sealed record ZoneProfiles(DimmingProfile Weekday, DimmingProfile Saturday, DimmingProfile SundayOrHoliday)
{
    /// <summary>The profile for <paramref name="dayType"/>.</summary>
    public DimmingProfile For(DayType dayType) => dayType switch
    {
        DayType.Weekday => Weekday,
        DayType.Saturday => Saturday,
        DayType.SundayOrHoliday => SundayOrHoliday,
        _ => throw new ArgumentOutOfRangeException(nameof(dayType), dayType, null),
    };
}
