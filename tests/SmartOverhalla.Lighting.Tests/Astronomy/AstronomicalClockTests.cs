using System.Globalization;
using SmartOverhalla.Lighting.Astronomy;

namespace SmartOverhalla.Lighting.Tests.Astronomy;

public sealed class AstronomicalClockTests
{
    /// <summary>The accuracy the issue asks for.</summary>
    private static readonly TimeSpan OneMinute = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Tolerance for a grazing event, one within <see cref="GrazingWindow"/> of solar midnight: the sun skims the
    /// altitude, 1° of hour angle there changes its altitude by under 0.004°, so the solar parallax (8.8″) that NOAA
    /// leaves out and PyEphem includes moves the crossing by minutes while the light does not change at all.
    /// </summary>
    private static readonly TimeSpan GrazingTolerance = TimeSpan.FromMinutes(5);

    private static readonly TimeSpan GrazingWindow = TimeSpan.FromMinutes(20);

    /// <summary>Published almanac times are rounded to the minute: one minute plus the half minute of rounding.</summary>
    private static readonly TimeSpan PublishedTolerance = TimeSpan.FromSeconds(90);

    private static readonly Dictionary<string, GeoCoordinate> Places = new()
    {
        ["Overhalla"] = new(64.50, 11.95),
        ["Trondheim"] = new(63.43, 10.39),
        ["Tromso"] = new(69.65, 18.96),
    };

    [Theory]
    [MemberData(nameof(ReferenceRows))]
    public void Find_ReferenceDate2026_EveryEventWithinOneMinuteOrSameCase(string place, string date, string civilDawn, string sunrise, string sunset, string civilDusk)
    {
        // Given a place and date of the PyEphem reference table (ReferenceSunTimes)
        var location = Places[place];
        var day = DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture);

        // When / Then each event is the same case, and an instant within one minute (five when grazing)
        AssertMatches(civilDawn, AstronomicalClock.CivilDawn(location, day), ToleranceFor(civilDawn, location, day));
        AssertMatches(sunrise, AstronomicalClock.Sunrise(location, day), ToleranceFor(sunrise, location, day));
        AssertMatches(sunset, AstronomicalClock.Sunset(location, day), ToleranceFor(sunset, location, day));
        AssertMatches(civilDusk, AstronomicalClock.CivilDusk(location, day), ToleranceFor(civilDusk, location, day));
    }

    [Fact]
    public void Find_AllReferenceRows_LargestDeviationIsUnderHalfAMinute()
    {
        // Given every instant of the reference table that is not a grazing event
        var deviations = new List<TimeSpan>();
        var grazing = new List<TimeSpan>();
        foreach (var row in ReferenceSunTimes.Rows)
        {
            var (place, date, dawn, rise, set, dusk) = row.Data;
            var location = Places[place];
            var day = DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            foreach (var (expected, kind) in new[] { (dawn, SolarEventKind.CivilDawn), (rise, SolarEventKind.Sunrise), (set, SolarEventKind.Sunset), (dusk, SolarEventKind.CivilDusk) })
            {
                // When the clock computes it
                if (AstronomicalClock.Find(kind, location, day) is SolarEvent.Occurs occurs && expected is not ReferenceSunTimes.Above and not ReferenceSunTimes.Below)
                {
                    var deviation = (occurs.Instant - Instant(expected)).Duration();
                    (ToleranceFor(expected, location, day) == GrazingTolerance ? grazing : deviations).Add(deviation);
                }
            }
        }

        // Then the worst case over the year and three latitudes is well inside the minute (recorded in the README)
        var worst = deviations.Max();
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{deviations.Count} instants, largest deviation {worst.TotalSeconds:0.0} s; {grazing.Count} grazing, largest {grazing.DefaultIfEmpty().Max().TotalSeconds:0.0} s");
        Assert.True(deviations.Count > 300, $"only {deviations.Count} instants compared");
        Assert.True(worst < TimeSpan.FromSeconds(30), $"largest deviation {worst}");
    }

    [Fact]
    public void Find_TromsoFirstApril2014_MatchesUsnoPublishedTimes()
    {
        // Given USNO "Sun and Moon Data for One Day", Tromsø (69.5 N, 19.0 E), 1 April 2014, UT+1:
        // begin civil twilight 03:46, sunrise 04:50, sunset 18:49, end civil twilight 19:53
        var tromso = new GeoCoordinate(69.5, 19.0);
        var day = new DateOnly(2014, 4, 1);

        // When / Then
        AssertMatches("2014-04-01T02:46:00Z", AstronomicalClock.CivilDawn(tromso, day), PublishedTolerance);
        AssertMatches("2014-04-01T03:50:00Z", AstronomicalClock.Sunrise(tromso, day), PublishedTolerance);
        AssertMatches("2014-04-01T17:49:00Z", AstronomicalClock.Sunset(tromso, day), PublishedTolerance);
        AssertMatches("2014-04-01T18:53:00Z", AstronomicalClock.CivilDusk(tromso, day), PublishedTolerance);
    }

    [Fact]
    public void Find_TromsoThirtiethApril2014_NoCivilTwilightAsUsnoPublishes()
    {
        // Given USNO, Tromsø 30 April 2014 (UT+1): sunrise 02:29, sunset 20:58, and no twilight entries
        // ("twilight doesn't end and the sky never gets dark")
        var tromso = new GeoCoordinate(69.5, 19.0);
        var day = new DateOnly(2014, 4, 30);

        // When / Then
        AssertMatches("2014-04-30T01:29:00Z", AstronomicalClock.Sunrise(tromso, day), PublishedTolerance);
        AssertMatches("2014-04-30T19:58:00Z", AstronomicalClock.Sunset(tromso, day), PublishedTolerance);
        Assert.IsType<SolarEvent.SunAlwaysAbove>(AstronomicalClock.CivilDusk(tromso, day));
        Assert.IsType<SolarEvent.SunAlwaysAbove>(AstronomicalClock.CivilDawn(tromso, day));
    }

    [Fact]
    public void Find_TrondheimSixthMay2020_MatchesAlmanakkForNorge()
    {
        // Given Almanakk for Norge 2021 (University of Oslo), its worked example: Trondheim 6 May 2020,
        // opp 4:39, ned 21:53 (CEST = UTC+2)
        var trondheim = new GeoCoordinate(63.43, 10.39);
        var day = new DateOnly(2020, 5, 6);

        // When / Then
        AssertMatches("2020-05-06T02:39:00Z", AstronomicalClock.Sunrise(trondheim, day), PublishedTolerance);
        AssertMatches("2020-05-06T19:53:00Z", AstronomicalClock.Sunset(trondheim, day), PublishedTolerance);
    }

    [Fact]
    public void Find_OverhallaMidsummer_SunSetsButNoCivilDusk()
    {
        // Given Overhalla at midsummer 2026 (PyEphem: sets 21:58:08 UTC on 22 June, rises 00:30:34 UTC on 23 June,
        // so the sun is below the horizon for 2 h 32 min but never 6° below it)
        var overhalla = new GeoCoordinate(64.50, 11.95);

        // When
        var sunset = AstronomicalClock.Sunset(overhalla, new DateOnly(2026, 6, 22));
        var sunrise = AstronomicalClock.Sunrise(overhalla, new DateOnly(2026, 6, 23));
        var dusk = AstronomicalClock.CivilDusk(overhalla, new DateOnly(2026, 6, 22));
        var dawn = AstronomicalClock.CivilDawn(overhalla, new DateOnly(2026, 6, 23));

        // Then
        AssertMatches("2026-06-22T21:58:08Z", sunset, OneMinute);
        AssertMatches("2026-06-23T00:30:34Z", sunrise, OneMinute);
        Assert.IsType<SolarEvent.SunAlwaysAbove>(dusk);
        Assert.IsType<SolarEvent.SunAlwaysAbove>(dawn);
    }

    [Fact]
    public void Find_TromsoPolarNight_NoSunriseOrSunsetButCivilTwilight()
    {
        // Given Tromsø on 21 December 2026 (the sun stays below the horizon from about 27 November to 15 January;
        // at noon it is about 3° down, so civil twilight happens: PyEphem 08:31:15 to 12:53:07 UTC)
        var tromso = new GeoCoordinate(69.65, 18.96);
        var day = new DateOnly(2026, 12, 21);

        // When / Then
        Assert.IsType<SolarEvent.SunAlwaysBelow>(AstronomicalClock.Sunrise(tromso, day));
        Assert.IsType<SolarEvent.SunAlwaysBelow>(AstronomicalClock.Sunset(tromso, day));
        AssertMatches("2026-12-21T08:31:15Z", AstronomicalClock.CivilDawn(tromso, day), OneMinute);
        AssertMatches("2026-12-21T12:53:07Z", AstronomicalClock.CivilDusk(tromso, day), OneMinute);
    }

    [Theory]
    [InlineData("2026-12-01")]
    [InlineData("2026-12-21")]
    [InlineData("2027-01-10")]
    public void Sunrise_TromsoInsidePolarNight_SunAlwaysBelow(string date)
    {
        // Given a date well inside Tromsø's polar night (about 27 November – 15 January)
        var day = DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture);

        // When
        var sunrise = AstronomicalClock.Sunrise(new GeoCoordinate(69.65, 18.96), day);

        // Then
        Assert.IsType<SolarEvent.SunAlwaysBelow>(sunrise);
    }

    [Theory]
    [InlineData("2026-05-25")]
    [InlineData("2026-06-21")]
    [InlineData("2026-07-17")]
    public void Sunset_TromsoInsideMidnightSun_SunAlwaysAbove(string date)
    {
        // Given a date well inside Tromsø's midnight sun (about 20 May – 22 July)
        var day = DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture);

        // When
        var sunset = AstronomicalClock.Sunset(new GeoCoordinate(69.65, 18.96), day);

        // Then
        Assert.IsType<SolarEvent.SunAlwaysAbove>(sunset);
    }

    [Theory]
    [InlineData("2026-01-14", "2026-01-14T11:21:13Z", "2026-01-14T23:21:24Z")]
    [InlineData("2026-06-22", "2026-06-22T11:14:13Z", "2026-06-22T23:14:20Z")]
    [InlineData("2026-10-24", "2026-10-24T10:56:24Z", "2026-10-24T22:56:20Z")]
    public void SolarNoonAndMidnight_Overhalla_WithinHalfAMinuteOfTransits(string date, string noon, string midnight)
    {
        // Given PyEphem's upper and lower transits of the sun at Overhalla
        var overhalla = new GeoCoordinate(64.50, 11.95);
        var day = DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture);

        // When
        var solarNoon = AstronomicalClock.SolarNoon(overhalla, day);
        var solarMidnight = AstronomicalClock.SolarMidnight(overhalla, day);

        // Then
        Assert.InRange((solarNoon - Instant(noon)).Duration(), TimeSpan.Zero, TimeSpan.FromSeconds(30));
        Assert.InRange((solarMidnight - Instant(midnight)).Duration(), TimeSpan.Zero, TimeSpan.FromSeconds(30));
    }

    [Theory]
    [InlineData(91, 0)]
    [InlineData(0, 180.5)]
    [InlineData(double.NaN, 0)]
    public void GeoCoordinate_OutOfRange_Throws(double latitude, double longitude) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new GeoCoordinate(latitude, longitude));

    public static TheoryData<string, string, string, string, string, string> ReferenceRows() => ReferenceSunTimes.Rows;

    private static TimeSpan ToleranceFor(string expected, GeoCoordinate location, DateOnly day)
    {
        if (expected is ReferenceSunTimes.Above or ReferenceSunTimes.Below)
        {
            return OneMinute;
        }

        var instant = Instant(expected);
        var nearGrazing = new[] { day.AddDays(-1), day }
            .Select(date => AstronomicalClock.SolarMidnight(location, date))
            .Any(midnight => (instant - midnight).Duration() < GrazingWindow);
        return nearGrazing ? GrazingTolerance : OneMinute;
    }

    internal static DateTimeOffset Instant(string utc) =>
        DateTimeOffset.Parse(utc, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    private static void AssertMatches(string expected, SolarEvent actual, TimeSpan tolerance)
    {
        switch (expected)
        {
            case ReferenceSunTimes.Above:
                Assert.IsType<SolarEvent.SunAlwaysAbove>(actual);
                break;
            case ReferenceSunTimes.Below:
                Assert.IsType<SolarEvent.SunAlwaysBelow>(actual);
                break;
            default:
                var occurs = Assert.IsType<SolarEvent.Occurs>(actual);
                var deviation = (occurs.Instant - Instant(expected)).Duration();
                Assert.True(deviation <= tolerance, $"expected {expected}, got {occurs.Instant:O} ({deviation.TotalSeconds:0} s off)");
                break;
        }
    }
}
