namespace SmartOverhalla.Lighting.Calendar;

/// <summary>
/// The kinds of day a zone can have its own profile for. A night takes the day type of the date its evening
/// falls on: Saturday evening into Sunday morning is <see cref="Saturday"/>, the evening of 17 May is
/// <see cref="SundayOrHoliday"/>, Friday evening is <see cref="Weekday"/>.
/// </summary>
public enum DayType
{
    /// <summary>Monday to Friday that is not a public holiday.</summary>
    Weekday,

    /// <summary>Saturday that is not a public holiday.</summary>
    Saturday,

    /// <summary>Sunday or a Norwegian public holiday (see <see cref="NorwegianHolidays"/>).</summary>
    SundayOrHoliday,
}
