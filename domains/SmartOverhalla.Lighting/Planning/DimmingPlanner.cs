using System.Globalization;
using SmartOverhalla.Lighting.Astronomy;
using SmartOverhalla.Lighting.Calendar;
using SmartOverhalla.Lighting.Configuration;
using SmartOverhalla.Time;

namespace SmartOverhalla.Lighting.Planning;

/// <summary>
/// Plans a zone's nights: when each step of its profile happens, in UTC and Europe/Oslo time, and which level is
/// in force at any instant. Pure and deterministic: the same zone and date always give the same plan.
/// </summary>
/// <remarks>
/// The rules (README, "Profiles", says the same for operators):
/// <list type="number">
/// <item>The night of date D runs from solar noon of D to solar noon of D + 1 and follows the profile of D's day
/// type. Clock steps from 12:00 fall on D, those before 12:00 on D + 1; evening events (sunset, civil dusk) are
/// D's, morning events (sunrise, civil dawn) D + 1's.</item>
/// <item>A clock step fires at the first instant the local clock reaches its time (see <see cref="LocalClock"/>).</item>
/// <item>An event that does not happen tonight stands in at the moment the sun comes closest to it, which is where
/// its times converge on the last night it does happen: solar midnight when the sun stays above the event's
/// altitude, solar noon (the start of the night for evening events, the end for morning events) when it stays
/// below. The offset is not applied: it is a margin around a crossing that does not happen. So in the midnight
/// sun "on at sunset" and "off at sunrise" meet at solar midnight, the later-listed off wins and the lights stay
/// off; in the polar night "on at sunset" fires at noon and "off at sunrise" meets the next night's "on" at the
/// next noon, so the lights stay on.</item>
/// <item>The profile's order is kept: an astronomical step never fires before one listed above it, and a clock
/// step waits for the astronomical step above it and gives way to the one below it. So "50 % at 23:00" after
/// "on at sunset − 10 min" fires with it on a night whose sunset is after 23:00 (lights come on at 50 %), and
/// "100 % at 05:30" before "off at sunrise + 10 min" is overtaken on a night whose sunrise is earlier (lights
/// go off and stay off). Steps at the same instant: the later-listed one is in force.</item>
/// </list>
/// </remarks>
public sealed class DimmingPlanner
{
    private static readonly TimeOnly EveningStarts = new(12, 0);
    private readonly TimeZoneInfo _timeZone;

    /// <summary>Creates a planner for Europe/Oslo.</summary>
    public DimmingPlanner()
        : this(NorwegianTime.Zone)
    {
    }

    /// <summary>Creates a planner for another time zone (tests, or a municipality outside Norway).</summary>
    public DimmingPlanner(TimeZoneInfo timeZone)
    {
        ArgumentNullException.ThrowIfNull(timeZone);
        _timeZone = timeZone;
    }

    /// <summary>The plan of <paramref name="zone"/> for the night starting on the evening of <paramref name="date"/>.</summary>
    public NightPlan Plan(LightingZone zone, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var dayType = NorwegianHolidays.DayTypeOf(date);
        var profile = zone.Profiles.For(dayType);
        var starts = AstronomicalClock.SolarNoon(zone.Location, date);
        var ends = AstronomicalClock.SolarNoon(zone.Location, date.AddDays(1));
        var midnight = AstronomicalClock.SolarMidnight(zone.Location, date);

        var drafts = profile.Steps
            .Select((step, index) => Nominal(index + 1, step, zone.Location, date, starts, ends, midnight))
            .ToArray();
        KeepProfileOrder(drafts);
        for (var i = 0; i < drafts.Length; i++)
        {
            drafts[i] = Within(drafts[i], starts, ends);
        }

        var steps = new PlannedStep[drafts.Length];
        for (var i = 0; i < drafts.Length; i++)
        {
            var draft = drafts[i];
            var takesEffect = i == drafts.Length - 1 || drafts[i + 1].Instant > draft.Instant;
            steps[i] = new PlannedStep(
                draft.Number,
                draft.Step.Trigger.Rule,
                draft.Step.Level,
                draft.Instant,
                TimeZoneInfo.ConvertTime(draft.Instant, _timeZone),
                draft.Timing,
                takesEffect,
                draft.Note);
        }

        return new NightPlan(zone.Id, date, dayType, profile.Id, starts, ends, steps);
    }

    /// <summary>The level <paramref name="zone"/>'s profiles ask for at <paramref name="instant"/>.</summary>
    public int DesiredLevelAt(LightingZone zone, DateTimeOffset instant) => ScheduledAt(zone, instant).Level;

    /// <summary>
    /// The level in force at <paramref name="instant"/>: the last step at or before it, looking back into the
    /// previous night's plan when tonight's first step is still to come; and the next step that changes it.
    /// </summary>
    public ScheduledLevel ScheduledAt(LightingZone zone, DateTimeOffset instant)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var plan = Plan(zone, DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, _timeZone).DateTime));
        while (instant < plan.Starts)
        {
            plan = Plan(zone, plan.Date.AddDays(-1));
        }

        while (instant >= plan.Ends)
        {
            plan = Plan(zone, plan.Date.AddDays(1));
        }

        var since = plan.Steps.LastOrDefault(step => step.Utc <= instant)
            ?? Plan(zone, plan.Date.AddDays(-1)).Steps[^1];
        var next = plan.Steps.FirstOrDefault(step => step.Utc > instant && step.TakesEffect)
            ?? Plan(zone, plan.Date.AddDays(1)).Steps.First(step => step.TakesEffect);
        return new ScheduledLevel(since.Level, since, next);
    }

    private Draft Nominal(int number, DimmingStep step, GeoCoordinate location, DateOnly date, DateTimeOffset starts, DateTimeOffset ends, DateTimeOffset midnight)
    {
        switch (step.Trigger)
        {
            case StepTrigger.Clock clock:
                var day = clock.Time >= EveningStarts ? date : date.AddDays(1);
                var (instant, resolution) = LocalClock.FirstInstant(day, clock.Time, _timeZone);
                return resolution switch
                {
                    LocalClock.Resolution.SkippedForward => new(number, step, instant, StepTiming.Moved, false,
                        $"{clock.Rule} does not exist tonight (clocks go forward): fires when they jump, at {Local(instant)}"),
                    LocalClock.Resolution.FirstOfTwo => new(number, step, instant, StepTiming.OnTime, false,
                        $"{clock.Rule} happens twice tonight (clocks go back): fires at the first, {Local(instant)} summer time, only"),
                    _ => new(number, step, instant, StepTiming.OnTime, false, null),
                };

            case StepTrigger.Solar solar:
                var morning = solar.Event.IsMorning();
                var name = solar.Event.ToRuleName();
                var altitude = solar.Event.Altitude().ToString("0.###", CultureInfo.InvariantCulture);
                return AstronomicalClock.Find(solar.Event, location, morning ? date.AddDays(1) : date) switch
                {
                    SolarEvent.Occurs occurs => new(number, step, occurs.Instant + solar.Offset, StepTiming.OnTime, true, null),
                    SolarEvent.SunAlwaysAbove => new(number, step, midnight, StepTiming.Substituted, true,
                        $"no {name} tonight: the sun stays above {altitude}°; stands in at solar midnight, {Local(midnight)}, without offset"),
                    _ => new(number, step, morning ? ends : starts, StepTiming.Substituted, true,
                        $"no {name} tonight: the sun stays below {altitude}°; stands in at solar noon, {Local(morning ? ends : starts)}, without offset"),
                };

            default:
                throw new InvalidOperationException($"Unknown step trigger {step.Trigger.GetType().Name}.");
        }
    }

    /// <summary>Rule 4: astronomical steps are anchors in list order; clock steps stay between their anchors.</summary>
    private void KeepProfileOrder(Draft[] drafts)
    {
        Draft? previousAnchor = null;
        var anchors = new int[drafts.Length];
        for (var i = 0; i < drafts.Length; i++)
        {
            anchors[i] = -1;
            if (!drafts[i].IsAnchor)
            {
                continue;
            }

            if (previousAnchor is { } above && drafts[i].Instant < above.Instant)
            {
                drafts[i] = drafts[i].MovedTo(above.Instant, $"waits for step {above.Number} ({above.Step.Trigger.Rule}), which is later tonight; fires at {Local(above.Instant)}");
            }

            previousAnchor = drafts[i];
        }

        for (var i = 0; i < drafts.Length; i++)
        {
            if (drafts[i].IsAnchor)
            {
                continue;
            }

            var above = Array.FindLastIndex(drafts, i, draft => draft.IsAnchor);
            var below = Array.FindIndex(drafts, i, draft => draft.IsAnchor);
            if (above >= 0 && drafts[i].Instant < drafts[above].Instant)
            {
                drafts[i] = drafts[i].MovedTo(drafts[above].Instant, $"waits for step {drafts[above].Number} ({drafts[above].Step.Trigger.Rule}), which is later tonight; fires at {Local(drafts[above].Instant)}");
            }
            else if (below >= 0 && drafts[i].Instant > drafts[below].Instant)
            {
                drafts[i] = drafts[i].MovedTo(drafts[below].Instant, $"overtaken by step {drafts[below].Number} ({drafts[below].Step.Trigger.Rule}), which is earlier tonight; fires at {Local(drafts[below].Instant)}");
            }
        }
    }

    /// <summary>Rule 1: nothing of the night happens before its solar noon or after the next one.</summary>
    private Draft Within(Draft draft, DateTimeOffset starts, DateTimeOffset ends)
    {
        if (draft.Instant < starts)
        {
            return draft.MovedTo(starts, $"would be before the night starts (solar noon); fires at {Local(starts)}");
        }

        return draft.Instant > ends
            ? draft.MovedTo(ends, $"would be after the night ends (next solar noon); fires at {Local(ends)}")
            : draft;
    }

    private string Local(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, _timeZone).ToString("HH:mm", CultureInfo.InvariantCulture);

    private readonly record struct Draft(int Number, DimmingStep Step, DateTimeOffset Instant, StepTiming Timing, bool IsAnchor, string? Note)
    {
        public Draft MovedTo(DateTimeOffset instant, string why) => this with
        {
            Instant = instant,
            Timing = Timing == StepTiming.Substituted ? StepTiming.Substituted : StepTiming.Moved,
            Note = Note is null ? why : $"{Note}; {why}",
        };
    }
}
