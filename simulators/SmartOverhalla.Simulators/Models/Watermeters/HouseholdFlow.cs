using SmartOverhalla.Time;

namespace SmartOverhalla.Simulators.Models.Watermeters;

/// <summary>
/// Everything that flows through one household's meter from <see cref="Origin"/> on: the planned uses (none while the
/// household is away), its leaks and its bursts. Read forward only (each call at or after the previous one's time), so a
/// year is integrated in one pass without keeping it: the uses are planned a day at a time as the reading moves on.
/// </summary>
internal sealed class HouseholdFlow
{
    private readonly HouseholdTraits _traits;
    private readonly IReadOnlyList<(DateTimeOffset Start, DateTimeOffset End)> _away;
    private readonly List<WaterUse> _uses = [];
    private int _next;
    private DateOnly _nextDay;
    private DateTimeOffset _cursor;
    private double _useLitres;
    private DateTimeOffset? _lastEnd;

    public HouseholdFlow(HouseholdTraits traits, DateTimeOffset origin, IReadOnlyList<ConstantFlow> constantFlows, IReadOnlyList<(DateTimeOffset Start, DateTimeOffset End)> away)
    {
        ArgumentNullException.ThrowIfNull(traits);
        ArgumentNullException.ThrowIfNull(constantFlows);
        ArgumentNullException.ThrowIfNull(away);
        _traits = traits;
        _away = away;
        ConstantFlows = constantFlows;
        Origin = origin;
        _cursor = origin;

        // The day before too: its last uses may run past midnight.
        _nextDay = NorwegianTime.DateAt(origin).AddDays(-1);
    }

    public DateTimeOffset Origin { get; }

    /// <summary>Leaks and bursts behind this meter.</summary>
    public IReadOnlyList<ConstantFlow> ConstantFlows { get; }

    /// <summary>Litres that flowed from <see cref="Origin"/> to <paramref name="instant"/> (not before the previous call's instant).</summary>
    public double LitresUntil(DateTimeOffset instant)
    {
        if (instant < _cursor)
        {
            throw new ArgumentOutOfRangeException(nameof(instant), instant, $"The flow is read forward only; it was last read at {_cursor:O}.");
        }

        PlanUntil(instant);
        while (_next < _uses.Count && _uses[_next].Start < instant)
        {
            var use = _uses[_next];
            var from = use.Start > _cursor ? use.Start : _cursor;
            var to = use.End < instant ? use.End : instant;
            if (to > from)
            {
                _useLitres += use.RateLph * (to - from).TotalHours;
            }

            if (use.End > instant)
            {
                break;
            }

            _next++;
        }

        _cursor = instant;
        TrimUsed();
        var constant = 0.0;
        foreach (var flow in ConstantFlows)
        {
            constant += flow.LitresWithin(Origin, instant);
        }

        return _useLitres + constant;
    }

    /// <summary>The flow at the instant of the last <see cref="LitresUntil"/>, litres per hour.</summary>
    public double RateNow()
    {
        var rate = _next < _uses.Count && _uses[_next].Start <= _cursor && _uses[_next].End > _cursor ? _uses[_next].RateLph : 0;
        foreach (var flow in ConstantFlows)
        {
            if (flow.IsActiveAt(_cursor))
            {
                rate += flow.RateLph;
            }
        }

        return rate;
    }

    private void PlanUntil(DateTimeOffset instant)
    {
        // Uses of a day start after its midnight and end within hours after the next one: plan one day ahead.
        var lastNeeded = NorwegianTime.DateAt(instant).AddDays(1);
        while (_nextDay <= lastNeeded)
        {
            foreach (var use in HouseholdDayPlanner.Plan(_traits, _nextDay))
            {
                if (use.End <= _cursor || IsAway(use.Start))
                {
                    continue;
                }

                // Saturday's first use (just after midnight) waits for Friday's last one, as uses within a day do.
                var wait = _lastEnd is { } lastEnd && use.Start < lastEnd ? lastEnd - use.Start : TimeSpan.Zero;
                var planned = use with { Start = use.Start + wait, End = use.End + wait };
                _uses.Add(planned);
                _lastEnd = planned.End;
            }

            _nextDay = _nextDay.AddDays(1);
        }
    }

    private bool IsAway(DateTimeOffset instant)
    {
        foreach (var (start, end) in _away)
        {
            if (instant >= start && instant < end)
            {
                return true;
            }
        }

        return false;
    }

    private void TrimUsed()
    {
        if (_next > 256)
        {
            _uses.RemoveRange(0, _next);
            _next = 0;
        }
    }
}
