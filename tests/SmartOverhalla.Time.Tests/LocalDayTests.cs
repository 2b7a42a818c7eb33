using SmartOverhalla.Time;

namespace SmartOverhalla.Time.Tests;

public sealed class LocalDayTests
{
    [Theory]
    [InlineData("2026-11-24", "2026-11-23T23:00:00Z", 24)]
    [InlineData("2026-07-01", "2026-06-30T22:00:00Z", 24)]
    [InlineData("2026-03-29", "2026-03-28T23:00:00Z", 23)] // last Sunday of March: 02:00 CET -> 03:00 CEST
    [InlineData("2026-10-25", "2026-10-24T22:00:00Z", 25)] // last Sunday of October: 03:00 CEST -> 02:00 CET
    public void Of_OsloDate_RunsFromLocalMidnightForItsRealLength(string date, string startUtc, int hours)
    {
        var day = LocalDay.Of(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(DateTimeOffset.Parse(startUtc, System.Globalization.CultureInfo.InvariantCulture), day.Start);
        Assert.Equal(TimeSpan.FromHours(hours), day.Length);
        Assert.Equal(TimeSpan.Zero, day.Start.Offset);
    }

    [Theory]
    [InlineData("2026-11-23T22:59:59Z", "2026-11-23")]
    [InlineData("2026-11-23T23:00:00Z", "2026-11-24")]
    [InlineData("2026-06-30T22:00:00Z", "2026-07-01")]
    public void DateAt_Instant_IsTheOsloCalendarDate(string instant, string date) =>
        Assert.Equal(
            DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture),
            LocalDay.DateAt(DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture)));
}
