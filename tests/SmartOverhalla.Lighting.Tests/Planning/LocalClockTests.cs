using SmartOverhalla.Lighting.Planning;
using SmartOverhalla.Time;
using static SmartOverhalla.Lighting.Tests.Astronomy.AstronomicalClockTests;

namespace SmartOverhalla.Lighting.Tests.Planning;

/// <summary>Europe/Oslo in 2026: CEST from 29 March 01:00 UTC to 25 October 01:00 UTC (last Sundays, EU rule).</summary>
public sealed class LocalClockTests
{
    [Theory]
    [InlineData("2026-01-15", "05:30", "2026-01-15T04:30:00Z", "Exact")]
    [InlineData("2026-06-23", "05:30", "2026-06-23T03:30:00Z", "Exact")]
    [InlineData("2026-03-29", "01:59", "2026-03-29T00:59:00Z", "Exact")]
    [InlineData("2026-03-29", "02:00", "2026-03-29T01:00:00Z", "SkippedForward")]
    [InlineData("2026-03-29", "02:30", "2026-03-29T01:00:00Z", "SkippedForward")]
    [InlineData("2026-03-29", "03:00", "2026-03-29T01:00:00Z", "Exact")]
    [InlineData("2026-10-25", "02:00", "2026-10-25T00:00:00Z", "FirstOfTwo")]
    [InlineData("2026-10-25", "02:30", "2026-10-25T00:30:00Z", "FirstOfTwo")]
    [InlineData("2026-10-25", "03:00", "2026-10-25T02:00:00Z", "Exact")]
    public void FirstInstant_OsloTime_FirstMomentTheClockShowsIt(string date, string time, string expected, string resolution)
    {
        // Given / When
        var (instant, actual) = LocalClock.FirstInstant(
            DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture),
            TimeOnly.Parse(time, System.Globalization.CultureInfo.InvariantCulture),
            NorwegianTime.Zone);

        // Then
        Assert.Equal(Instant(expected), instant);
        Assert.Equal(Enum.Parse<LocalClock.Resolution>(resolution), actual);
    }
}
