using SmartOverhalla.Lighting.Calendar;
using SmartOverhalla.Lighting.Configuration;
using SmartOverhalla.Lighting.Planning;
using SmartOverhalla.Lighting.Tests.Configuration;
using static SmartOverhalla.Lighting.Tests.Astronomy.AstronomicalClockTests;

namespace SmartOverhalla.Lighting.Tests.Planning;

/// <summary>The plan as operators see it. Reference instants as in <see cref="NightWalkTests"/>.</summary>
public sealed class DimmingPlannerTests
{
    private static readonly ZoneConfiguration Zones = ZoneConfigurationLoader.Parse(ZoneFiles.Valid);
    private readonly DimmingPlanner _planner = new();

    [Fact]
    public void Plan_JanuaryNight_EveryStepWithRuleLevelUtcAndLocalTime()
    {
        // Given / When
        var plan = _planner.Plan(Zone("sentrum"), new DateOnly(2026, 1, 14));

        // Then
        Assert.Equal(("sentrum", DayType.Weekday, "standard"), (plan.ZoneId, plan.DayType, plan.ProfileId));
        Assert.Equal(["sunset − 10 min", "23:00", "05:30", "sunrise + 10 min"], plan.Steps.Select(step => step.Rule));
        Assert.Equal([100, 50, 100, 0], plan.Steps.Select(step => step.Level));
        AssertNear("2026-01-14T13:46:44Z", plan.Steps[0].Utc);
        AssertNear("2026-01-15T08:53:54Z", plan.Steps[3].Utc);
        Assert.Equal(Instant("2026-01-14T22:00:00Z"), plan.Steps[1].Utc);
        Assert.Equal(new DateTimeOffset(2026, 1, 14, 23, 0, 0, TimeSpan.FromHours(1)), plan.Steps[1].Local);
        Assert.Equal(TimeSpan.FromHours(1), plan.Steps[1].Local.Offset);
        Assert.All(plan.Steps, step => Assert.Equal((StepTiming.OnTime, true, null), (step.Timing, step.TakesEffect, step.Note)));
        AssertNear("2026-01-14T11:21:13Z", plan.Starts);
        AssertNear("2026-01-15T11:21:35Z", plan.Ends);
    }

    [Fact]
    public void Plan_MidsummerNight_ClockStepsKeepTheProfileOrderAndSayWhy()
    {
        // Given / When
        var plan = _planner.Plan(Zone("sentrum"), new DateOnly(2026, 6, 22));

        // Then "23:00" waits for sunset − 10 min and is the one in force; "05:30" is overtaken by sunrise + 10 min
        Assert.Equal([StepTiming.OnTime, StepTiming.Moved, StepTiming.Moved, StepTiming.OnTime], plan.Steps.Select(step => step.Timing));
        Assert.Equal([false, true, false, true], plan.Steps.Select(step => step.TakesEffect));
        Assert.Equal(plan.Steps[0].Utc, plan.Steps[1].Utc);
        Assert.Equal(plan.Steps[3].Utc, plan.Steps[2].Utc);
        Assert.Equal("waits for step 1 (sunset − 10 min), which is later tonight; fires at 23:48", plan.Steps[1].Note);
        Assert.Equal("overtaken by step 4 (sunrise + 10 min), which is earlier tonight; fires at 02:40", plan.Steps[2].Note);
    }

    [Fact]
    public void Plan_SpringForwardNight_SkippedTimeFiresAtTheJump()
    {
        // Given / When
        var step = _planner.Plan(Zone("sentrum"), new DateOnly(2026, 3, 28)).Steps[1];

        // Then
        Assert.Equal(("02:30", StepTiming.Moved), (step.Rule, step.Timing));
        Assert.Equal(Instant("2026-03-29T01:00:00Z"), step.Utc);
        Assert.Equal(new DateTimeOffset(2026, 3, 29, 3, 0, 0, TimeSpan.FromHours(2)), step.Local);
        Assert.Equal("02:30 does not exist tonight (clocks go forward): fires when they jump, at 03:00", step.Note);
    }

    [Fact]
    public void Plan_FallBackNight_RepeatedTimeFiresAtTheFirst()
    {
        // Given / When
        var step = _planner.Plan(Zone("sentrum"), new DateOnly(2026, 10, 24)).Steps[1];

        // Then
        Assert.Equal(("02:30", StepTiming.OnTime), (step.Rule, step.Timing));
        Assert.Equal(Instant("2026-10-25T00:30:00Z"), step.Utc);
        Assert.Equal(new DateTimeOffset(2026, 10, 25, 2, 30, 0, TimeSpan.FromHours(2)), step.Local);
        Assert.Equal("02:30 happens twice tonight (clocks go back): fires at the first, 02:30 summer time, only", step.Note);
    }

    [Fact]
    public void Plan_TromsoPolarNight_SunStepsStandInAtSolarNoons()
    {
        // Given / When
        var plan = _planner.Plan(Zone("tromso"), new DateOnly(2026, 12, 21));

        // Then
        Assert.Equal(StepTiming.Substituted, plan.Steps[0].Timing);
        Assert.Equal(StepTiming.Substituted, plan.Steps[3].Timing);
        AssertNear("2026-12-21T10:42:11Z", plan.Steps[0].Utc);
        AssertNear("2026-12-22T10:42:41Z", plan.Steps[3].Utc);
        Assert.Equal((plan.Starts, plan.Ends), (plan.Steps[0].Utc, plan.Steps[3].Utc));
        Assert.StartsWith("no sunset tonight: the sun stays below -0.833°; stands in at solar noon", plan.Steps[0].Note, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_TromsoMidnightSun_EveryStepAtSolarMidnightOnlyTheLastInForce()
    {
        // Given / When
        var plan = _planner.Plan(Zone("tromso"), new DateOnly(2026, 6, 22));

        // Then
        Assert.All(plan.Steps, step => AssertNear("2026-06-22T22:46:17Z", step.Utc));
        Assert.Equal([false, false, false, true], plan.Steps.Select(step => step.TakesEffect));
        Assert.Equal([StepTiming.Substituted, StepTiming.Moved, StepTiming.Moved, StepTiming.Substituted], plan.Steps.Select(step => step.Timing));
        Assert.StartsWith("no sunrise tonight: the sun stays above -0.833°; stands in at solar midnight", plan.Steps[3].Note, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-05-13", DayType.Weekday, "standard")]
    [InlineData("2026-05-14", DayType.SundayOrHoliday, "quiet")]
    [InlineData("2026-05-16", DayType.Saturday, "weekend")]
    [InlineData("2026-05-17", DayType.SundayOrHoliday, "quiet")]
    [InlineData("2026-12-24", DayType.Weekday, "standard")]
    [InlineData("2026-12-25", DayType.SundayOrHoliday, "quiet")]
    public void Plan_Date_FollowsTheEveningsDayType(string date, DayType dayType, string profile)
    {
        // Given / When
        var plan = _planner.Plan(Zone("sentrum"), DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture));

        // Then
        Assert.Equal((dayType, profile), (plan.DayType, plan.ProfileId));
    }

    [Fact]
    public void ScheduledAt_AfternoonBeforeSunset_LooksBackToLastNightAndNamesTheNextStep()
    {
        // Given 14 January 2026, 12:00 UTC: after solar noon, before tonight's first step
        var instant = Instant("2026-01-14T12:00:00Z");

        // When
        var scheduled = _planner.ScheduledAt(Zone("sentrum"), instant);

        // Then the level is last night's last step (off at sunrise + 10 min) and the next is tonight's first
        Assert.Equal(0, scheduled.Level);
        Assert.Equal("sunrise + 10 min", scheduled.Since.Rule);
        AssertNear("2026-01-14T08:56:18Z", scheduled.Since.Utc);
        Assert.Equal(("sunset − 10 min", 100), (scheduled.Next.Rule, scheduled.Next.Level));
        AssertNear("2026-01-14T13:46:44Z", scheduled.Next.Utc);
    }

    [Fact]
    public void ScheduledAt_AfterMidnight_UsesTheNightThatStartedYesterdayEvening()
    {
        // Given 15 January 2026, 03:00 UTC (04:00 CET)
        var scheduled = _planner.ScheduledAt(Zone("sentrum"), Instant("2026-01-15T03:00:00Z"));

        // Then
        Assert.Equal(50, scheduled.Level);
        Assert.Equal(Instant("2026-01-14T22:00:00Z"), scheduled.Since.Utc);
        Assert.Equal(Instant("2026-01-15T04:30:00Z"), scheduled.Next.Utc);
    }

    [Fact]
    public void ScheduledAt_MidsummerBeforeSunset_NextSkipsTheStepThatDoesNotTakeEffect()
    {
        // Given 22 June 2026, 20:00 UTC
        var scheduled = _planner.ScheduledAt(Zone("sentrum"), Instant("2026-06-22T20:00:00Z"));

        // Then the next change is to 50 % (step 2), not to the superseded 100 % of step 1
        Assert.Equal((0, 50, 2), (scheduled.Level, scheduled.Next.Level, scheduled.Next.StepNumber));
    }

    private static LightingZone Zone(string id) => Zones.FindZone(id)!;

    private static void AssertNear(string expected, DateTimeOffset actual)
    {
        var deviation = (actual - Instant(expected)).Duration();
        Assert.True(deviation <= TimeSpan.FromMinutes(1), $"expected {expected}, got {actual:O}");
    }
}
