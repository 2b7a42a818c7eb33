using System.Globalization;
using SmartOverhalla.Lighting.Calendar;

namespace SmartOverhalla.Lighting.Tests.Calendar;

public sealed class NorwegianHolidaysTests
{
    [Theory]
    [InlineData(2008, "2008-03-23")]
    [InlineData(2024, "2024-03-31")]
    [InlineData(2025, "2025-04-20")]
    [InlineData(2026, "2026-04-05")]
    [InlineData(2027, "2027-03-28")]
    [InlineData(2038, "2038-04-25")] // the latest possible date
    [InlineData(2285, "2285-03-22")] // the earliest possible date
    public void EasterSunday_Year_MatchesPublishedDate(int year, string expected)
    {
        // Given published Western Easter dates (e.g. the Almanakk for Norge / any church calendar)
        // When
        var easter = NorwegianHolidays.EasterSunday(year);

        // Then
        Assert.Equal(Date(expected), easter);
    }

    [Fact]
    public void Of_2026_TwelvePublicHolidaysWithNorwegianNames()
    {
        // Given / When
        var holidays = NorwegianHolidays.Of(2026);

        // Then (Easter 2026 is 5 April)
        (string, string)[] expected =
        [
            ("2026-01-01", "Nyttårsdag"),
            ("2026-04-02", "Skjærtorsdag"),
            ("2026-04-03", "Langfredag"),
            ("2026-04-05", "1. påskedag"),
            ("2026-04-06", "2. påskedag"),
            ("2026-05-01", "Offentlig høytidsdag (1. mai)"),
            ("2026-05-14", "Kristi himmelfartsdag"),
            ("2026-05-17", "Grunnlovsdag (17. mai)"),
            ("2026-05-24", "1. pinsedag"),
            ("2026-05-25", "2. pinsedag"),
            ("2026-12-25", "1. juledag"),
            ("2026-12-26", "2. juledag"),
        ];
        Assert.Equal(expected.Select(holiday => (Date(holiday.Item1), holiday.Item2)), holidays);
    }

    [Theory]
    [InlineData("2026-05-13", DayType.Weekday)] // Wednesday
    [InlineData("2026-05-14", DayType.SundayOrHoliday)] // Thursday, Kristi himmelfartsdag
    [InlineData("2026-05-16", DayType.Saturday)]
    [InlineData("2026-05-17", DayType.SundayOrHoliday)] // Sunday and 17 May
    [InlineData("2026-12-24", DayType.Weekday)] // Christmas Eve is not a public holiday
    [InlineData("2026-12-31", DayType.Weekday)]
    [InlineData("2027-05-17", DayType.SundayOrHoliday)] // Monday
    [InlineData("2027-12-25", DayType.SundayOrHoliday)] // a Saturday that is a holiday
    [InlineData("2027-03-25", DayType.SundayOrHoliday)] // Skjærtorsdag 2027
    public void DayTypeOf_Date_HolidaysCountAsSundays(string date, DayType expected)
    {
        // Given / When
        var dayType = NorwegianHolidays.DayTypeOf(Date(date));

        // Then
        Assert.Equal(expected, dayType);
    }

    private static DateOnly Date(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
