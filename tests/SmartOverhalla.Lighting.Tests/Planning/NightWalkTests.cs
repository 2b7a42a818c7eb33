using SmartOverhalla.Lighting.Configuration;
using SmartOverhalla.Lighting.Tests.Configuration;
using static SmartOverhalla.Lighting.Tests.Astronomy.AstronomicalClockTests;

namespace SmartOverhalla.Lighting.Tests.Planning;

/// <summary>
/// Whole nights walked on a fake clock, asserting the exact sequence of levels a controller would command per zone.
/// Reference instants: PyEphem 4.1.4 (see ReferenceSunTimes) for Overhalla 64.50 N 11.95 E and Tromsø 69.65 N
/// 18.96 E, plus the profile's offsets; clock steps converted by hand (CET = UTC+1, CEST = UTC+2). An instant
/// matches when the walk saw the change within one minute after the reference and no earlier than a minute before.
/// </summary>
public sealed class NightWalkTests
{
    private static readonly ZoneConfiguration Zones = ZoneConfigurationLoader.Parse(ZoneFiles.Valid);

    [Fact]
    public void Walk_SentrumJanuaryWeekdayNight_OnAtSunsetHalfAtElevenFullAtHalfPastFiveOffAfterSunrise()
    {
        // Given Wednesday 14 January 2026, profile "standard"; sunset 13:56:44 UTC, next sunrise 08:43:54 UTC
        // When
        var commands = Walk("sentrum", "2026-01-14T11:00:00Z", "2026-01-15T11:00:00Z");

        // Then
        AssertCommands(
            [(0, "2026-01-14T11:00:00Z"),
             (100, "2026-01-14T13:46:44Z"), // sunset − 10 min
             (50, "2026-01-14T22:00:00Z"), // 23:00 CET
             (100, "2026-01-15T04:30:00Z"), // 05:30 CET
             (0, "2026-01-15T08:53:54Z")], // sunrise + 10 min
            commands);
    }

    [Fact]
    public void Walk_SentrumMidsummerNight_HalfLightFromSunsetUntilSunrise()
    {
        // Given Monday 22 June 2026: sunset 21:58:08 UTC (23:58 CEST), so "50 % at 23:00" waits for "on at sunset −
        // 10 min" and, listed later, is the level the lights come on at; sunrise 00:30:34 UTC (02:30 CEST), so
        // "100 % at 05:30" is overtaken by "off at sunrise + 10 min"
        // When
        var commands = Walk("sentrum", "2026-06-22T10:00:00Z", "2026-06-23T10:00:00Z");

        // Then
        AssertCommands(
            [(0, "2026-06-22T10:00:00Z"),
             (50, "2026-06-22T21:48:08Z"),
             (0, "2026-06-23T00:40:34Z")],
            commands);
    }

    [Fact]
    public void Walk_IndustriMidsummerNight_NoCivilDuskSoLightsStayOff()
    {
        // Given the civil-twilight profile on 22 June 2026: the sun stays above -6° all night at 64.5° N
        // When
        var commands = Walk("industri", "2026-06-22T10:00:00Z", "2026-06-23T10:00:00Z");

        // Then
        AssertCommands([(0, "2026-06-22T10:00:00Z")], commands);
    }

    [Fact]
    public void Walk_IndustriJanuaryNight_FollowsCivilDuskAndDawn()
    {
        // Given 14 January 2026: civil dusk 15:06:43 UTC, next civil dawn 07:34:42 UTC
        // When
        var commands = Walk("industri", "2026-01-14T11:00:00Z", "2026-01-15T11:00:00Z");

        // Then
        AssertCommands(
            [(0, "2026-01-14T11:00:00Z"),
             (100, "2026-01-14T15:06:43Z"),
             (30, "2026-01-14T21:00:00Z"), // 22:00 CET
             (100, "2026-01-15T05:00:00Z"), // 06:00 CET
             (0, "2026-01-15T07:34:42Z")],
            commands);
    }

    [Fact]
    public void Walk_SentrumSpringForwardNight_StepAtHalfPastTwoFiresWhenClocksJump()
    {
        // Given Saturday 28 March 2026 (profile "weekend"); on Sunday 29 March clocks go 02:00 CET → 03:00 CEST, so
        // 02:30 never shows and the step fires at the jump, 01:00 UTC. Sunset 17:51:51, sunrise 04:40:49 UTC.
        // When
        var commands = Walk("sentrum", "2026-03-28T11:00:00Z", "2026-03-29T10:00:00Z");

        // Then
        AssertCommands(
            [(0, "2026-03-28T11:00:00Z"),
             (100, "2026-03-28T17:41:51Z"),
             (50, "2026-03-29T01:00:00Z"),
             (0, "2026-03-29T04:50:49Z")],
            commands);
    }

    [Fact]
    public void Walk_SentrumFallBackNight_StepAtHalfPastTwoFiresOnceAtTheFirst()
    {
        // Given Saturday 24 October 2026 (profile "weekend"); on Sunday 25 October clocks go 03:00 CEST → 02:00 CET,
        // so 02:30 shows twice: 00:30 UTC (CEST) and 01:30 UTC (CET); the step fires at the first only.
        // Sunset 15:20:11, sunrise 06:34:35 UTC.
        // When
        var commands = Walk("sentrum", "2026-10-24T10:00:00Z", "2026-10-25T11:00:00Z");

        // Then
        AssertCommands(
            [(0, "2026-10-24T10:00:00Z"),
             (100, "2026-10-24T15:10:11Z"),
             (50, "2026-10-25T00:30:00Z"),
             (0, "2026-10-25T06:44:35Z")],
            commands);
    }

    [Fact]
    public void Walk_SentrumWeekdayBeforeHoliday_FollowsStandardProfile()
    {
        // Given Wednesday 13 May 2026: sunset 20:19:00 UTC, next sunrise 01:57:14 UTC
        // When
        var commands = Walk("sentrum", "2026-05-13T11:00:00Z", "2026-05-14T10:00:00Z");

        // Then
        AssertCommands(
            [(0, "2026-05-13T11:00:00Z"),
             (100, "2026-05-13T20:09:00Z"),
             (50, "2026-05-13T21:00:00Z"), // 23:00 CEST
             (0, "2026-05-14T02:07:14Z")], // 05:30 is overtaken by sunrise + 10 min
            commands);
    }

    [Fact]
    public void Walk_SentrumAscensionDay_FollowsHolidayProfile()
    {
        // Given Thursday 14 May 2026, Kristi himmelfartsdag (Easter 5 April + 39), profile "quiet": sunset 20:22:24
        // UTC, after 22:00 CEST (20:00 UTC), so the lights come on at 50 %; next sunrise 01:53:52 UTC
        // When
        var commands = Walk("sentrum", "2026-05-14T11:00:00Z", "2026-05-15T10:00:00Z");

        // Then
        AssertCommands(
            [(0, "2026-05-14T11:00:00Z"),
             (50, "2026-05-14T20:12:24Z"),
             (0, "2026-05-15T02:03:52Z")],
            commands);
    }

    [Fact]
    public void Walk_TromsoPolarNight_LightsNeverGoOff()
    {
        // Given Tromsø, 21 December 2026: no sunset and no sunrise; "on at sunset" stands in at solar noon 10:42:11
        // and "off at sunrise" at the next solar noon, where the next night's "on" overrides it
        // When
        var commands = Walk("tromso", "2026-12-21T10:00:00Z", "2026-12-22T12:00:00Z");

        // Then only the clock steps change the level
        AssertCommands(
            [(100, "2026-12-21T10:00:00Z"),
             (50, "2026-12-21T22:00:00Z"),
             (100, "2026-12-22T04:30:00Z")],
            commands);
    }

    [Fact]
    public void Walk_TromsoMidnightSun_LightsStayOff()
    {
        // Given Tromsø, 22 June 2026: the sun never sets; every step meets at solar midnight and the last, off, wins
        // When
        var commands = Walk("tromso", "2026-06-22T10:00:00Z", "2026-06-23T10:00:00Z");

        // Then
        AssertCommands([(0, "2026-06-22T10:00:00Z")], commands);
    }

    private static IReadOnlyList<(int Level, DateTimeOffset At)> Walk(string zoneId, string from, string to) =>
        NightWalker.Walk(Zones.FindZone(zoneId)!, Instant(from), Instant(to));

    private static void AssertCommands((int Level, string At)[] expected, IReadOnlyList<(int Level, DateTimeOffset At)> actual)
    {
        Assert.Equal(expected.Select(command => command.Level), actual.Select(command => command.Level));
        for (var i = 0; i < expected.Length; i++)
        {
            // The walk sees a change at its next tick: up to 30 s late, plus the clock's own error (≤ 30 s).
            var offBy = actual[i].At - Instant(expected[i].At);
            Assert.True(
                offBy > -TimeSpan.FromMinutes(1) && offBy < TimeSpan.FromMinutes(1),
                $"command {i + 1} ({expected[i].Level} %): expected {expected[i].At}, walked {actual[i].At:O}");
        }
    }
}
