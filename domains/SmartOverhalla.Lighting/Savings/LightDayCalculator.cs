using SmartOverhalla.Time;

namespace SmartOverhalla.Lighting.Savings;

/// <summary>
/// One light's energy, lit hours and 100 % baseline for one local day, from its readings. Pure: no I/O, no clock.
/// </summary>
/// <remarks>
/// The rules, each chosen to make a saving never look larger than it is:
/// <list type="bullet">
/// <item>Between two consecutive readings the state of the first holds (a reading reports what the lamp does from
/// then on, as a pulse meter integrates): the interval is lit when the first reading says <c>lampOn</c>.</item>
/// <item>Energy of an interval is the increase of the cumulative register across it. A register that goes down
/// (meter reset or replaced) counts 0 for that one interval: the energy of that interval is lost, never counted
/// negative. So does one that jumps up by more than <c>MaxPlausiblePowerW</c> could draw in the interval (a meter
/// replaced by one with an older register): its opening register is never mistaken for consumption.</item>
/// <item>An interval longer than <c>GapFactor</c> × the light's usual interval (the median of its intervals), or than
/// <c>MaxGap</c>, is unknown: neither its energy nor its lit time counts, so energy and baseline stay over the same
/// hours and an outage of the telemetry cannot turn into a saving. Unknown hours are reported.</item>
/// <item>An interval across midnight is shared between the two days in proportion to its time in each (linear).</item>
/// </list>
/// The energy is what the meter measured, standby of the controller included; the baseline counts only lit time at
/// full power. So a light that is never dimmed shows a small negative saving (its standby), as it should.
/// </remarks>
public static class LightDayCalculator
{
    /// <summary>Computes <paramref name="day"/> from <paramref name="samples"/> (any order; include the readings just before and after the day).</summary>
    /// <param name="ratedPowerW">The light's draw at 100 %, W.</param>
    public static LightDayEnergy Compute(IReadOnlyList<EnergySample> samples, LocalDay day, double ratedPowerW, ReadingRules rules)
    {
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentOutOfRangeException.ThrowIfNegative(ratedPowerW);
        ArgumentOutOfRangeException.ThrowIfLessThan(rules.GapFactor, 1.0);

        var ordered = Ordered(samples);
        var longestKnown = LongestKnownInterval(ordered, rules.GapFactor, rules.MaxGap);
        double energy = 0, baseline = 0;
        var lit = TimeSpan.Zero;
        var covered = TimeSpan.Zero;
        for (var i = 1; i < ordered.Count; i++)
        {
            var (a, b) = (ordered[i - 1], ordered[i]);
            var interval = b.Time - a.Time;
            if (interval > longestKnown)
            {
                continue;
            }

            var overlap = Overlap(a.Time, b.Time, day);
            if (overlap <= TimeSpan.Zero)
            {
                continue;
            }

            covered += overlap;
            var increase = b.EnergyKWh - a.EnergyKWh;
            if (increase > 0 && increase <= rules.MaxPlausiblePowerW * interval.TotalHours / 1000)
            {
                energy += increase * (overlap / interval);
            }

            if (a.LampOn)
            {
                lit += overlap;
                baseline += overlap.TotalHours * ratedPowerW / 1000;
            }
        }

        return new LightDayEnergy(energy, baseline, lit.TotalHours, (day.Length - covered).TotalHours);
    }

    /// <summary>Sorted by time, one reading per instant (InfluxDB keeps one point per series and time anyway).</summary>
    private static List<EnergySample> Ordered(IReadOnlyList<EnergySample> samples)
    {
        var ordered = new List<EnergySample>(samples.Count);
        foreach (var sample in samples.OrderBy(s => s.Time))
        {
            if (ordered.Count == 0 || ordered[^1].Time != sample.Time)
            {
                ordered.Add(sample);
            }
        }

        return ordered;
    }

    /// <summary>The longest interval that still counts: <paramref name="gapFactor"/> × the median interval, at most <paramref name="maxGap"/>.</summary>
    internal static TimeSpan LongestKnownInterval(IReadOnlyList<EnergySample> ordered, double gapFactor, TimeSpan maxGap)
    {
        if (ordered.Count < 2)
        {
            return TimeSpan.Zero;
        }

        var intervals = new TimeSpan[ordered.Count - 1];
        for (var i = 1; i < ordered.Count; i++)
        {
            intervals[i - 1] = ordered[i].Time - ordered[i - 1].Time;
        }

        Array.Sort(intervals);
        var middle = intervals.Length / 2;
        var median = intervals.Length % 2 == 1 ? intervals[middle] : (intervals[middle - 1] + intervals[middle]) / 2;
        var limit = median * gapFactor;
        return limit < maxGap ? limit : maxGap;
    }

    private static TimeSpan Overlap(DateTimeOffset from, DateTimeOffset to, LocalDay day)
    {
        var start = from > day.Start ? from : day.Start;
        var end = to < day.End ? to : day.End;
        return end - start;
    }
}
