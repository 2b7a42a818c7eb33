namespace SmartOverhalla.Lighting.Calendar;

/// <summary>
/// Norwegian public holidays (offentlige høytidsdager: lov om helligdager og helligdagsfred § 2, and lov om
/// 1. og 17. mai som høgtidsdagar): 1 January, Skjærtorsdag, Langfredag, 1. and 2. påskedag, 1 May, 17 May,
/// Kristi himmelfartsdag, 1. and 2. pinsedag, 25 and 26 December. Christmas Eve and New Year's Eve are not
/// public holidays and are ordinary days here.
/// </summary>
public static class NorwegianHolidays
{
    /// <summary>Whether <paramref name="date"/> is a Norwegian public holiday.</summary>
    public static bool IsHoliday(DateOnly date) => NameOf(date) is not null;

    /// <summary>The day type of <paramref name="date"/>: a public holiday counts as a Sunday.</summary>
    public static DayType DayTypeOf(DateOnly date) => IsHoliday(date)
        ? DayType.SundayOrHoliday
        : date.DayOfWeek switch
        {
            DayOfWeek.Sunday => DayType.SundayOrHoliday,
            DayOfWeek.Saturday => DayType.Saturday,
            _ => DayType.Weekday,
        };

    /// <summary>The holiday's Norwegian name, or null when <paramref name="date"/> is not a public holiday.</summary>
    public static string? NameOf(DateOnly date)
    {
        switch ((date.Month, date.Day))
        {
            case (1, 1): return "Nyttårsdag";
            case (5, 1): return "Offentlig høytidsdag (1. mai)";
            case (5, 17): return "Grunnlovsdag (17. mai)";
            case (12, 25): return "1. juledag";
            case (12, 26): return "2. juledag";
        }

        // The movable feasts all hang on Easter Sunday and fall between 19 March and 14 June; the Gregorian
        // computus starts in 1583, and no street light is older.
        if (date.Year < 1583)
        {
            return null;
        }

        var fromEaster = date.DayNumber - EasterSunday(date.Year).DayNumber;
        return fromEaster switch
        {
            -3 => "Skjærtorsdag",
            -2 => "Langfredag",
            0 => "1. påskedag",
            1 => "2. påskedag",
            39 => "Kristi himmelfartsdag",
            49 => "1. pinsedag",
            50 => "2. pinsedag",
            _ => null,
        };
    }

    /// <summary>All public holidays of <paramref name="year"/>, in date order.</summary>
    public static IReadOnlyList<(DateOnly Date, string Name)> Of(int year)
    {
        var holidays = new List<(DateOnly, string)>();
        for (var date = new DateOnly(year, 1, 1); date.Year == year; date = date.AddDays(1))
        {
            if (NameOf(date) is { } name)
            {
                holidays.Add((date, name));
            }
        }

        return holidays;
    }

    /// <summary>
    /// Western (Gregorian) Easter Sunday, by the anonymous Gregorian algorithm (Meeus, "Astronomical
    /// Algorithms", 2nd ed., chapter 8; valid for every year from 1583).
    /// </summary>
    public static DateOnly EasterSunday(int year)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, 1583);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, 9999);
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, day);
    }
}
