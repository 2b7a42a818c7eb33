namespace SmartOverhalla.Water.Consumption;

/// <summary>
/// Turns a meter's register readings into what it counted between each two consecutive readings. Pure: no clock, no I/O.
/// </summary>
/// <remarks>
/// The rules, each so that consumption is never negative and never counted twice, whatever order, repetition or
/// lateness the radio network delivers readings in:
/// <list type="bullet">
/// <item>Readings are taken in time order, one per instant (a re-delivered reading is the same reading: InfluxDB keeps
/// one point per series and time).</item>
/// <item>Consumption between two readings is how far the register rose above its highest value so far (its
/// high-water mark). Backflow or a reading jitter that lowers the register a little therefore counts nothing, and the
/// litres it "gives back" are not counted again when the register climbs back.</item>
/// <item>A register that falls by more than <see cref="RegisterRules.ResetBelowL"/> is a new meter (or a reset one)
/// counting from zero: its reading is what it counted since it started, within that interval (estimated); the old
/// meter's last litres before the change are lost, never invented. A fall from near the top of
/// <see cref="RegisterRules.RolloverL"/> to near zero is a rollover: the litres across the top count.</item>
/// <item>An interval longer than <see cref="RegisterRules.MaxRegularInterval"/> is a gap: its litres are counted, spread
/// evenly, and marked estimated.</item>
/// </list>
/// </remarks>
public static class RegisterIntervals
{
    /// <summary>The intervals between consecutive readings of <paramref name="readings"/> (any order, duplicates allowed).</summary>
    public static IReadOnlyList<ConsumptionInterval> Of(IEnumerable<RegisterReading> readings, RegisterRules rules)
    {
        ArgumentNullException.ThrowIfNull(readings);
        ArgumentNullException.ThrowIfNull(rules);
        var ordered = Ordered(readings);
        var intervals = new List<ConsumptionInterval>(Math.Max(0, ordered.Count - 1));
        if (ordered.Count == 0)
        {
            return intervals;
        }

        var highWater = ordered[0].VolumeL;
        for (var i = 1; i < ordered.Count; i++)
        {
            var (a, b) = (ordered[i - 1], ordered[i]);
            var gap = b.Time - a.Time > rules.MaxRegularInterval;
            double litres;
            var reset = false;
            if (b.VolumeL >= highWater)
            {
                litres = b.VolumeL - highWater;
                highWater = b.VolumeL;
            }
            else if (IsRollover(highWater, b.VolumeL, rules))
            {
                litres = (rules.RolloverL!.Value - highWater) + b.VolumeL;
                highWater = b.VolumeL;
            }
            else if (highWater - b.VolumeL > rules.ResetBelowL)
            {
                // A new meter: it counted b.VolumeL since it was fitted, some time in this interval.
                litres = b.VolumeL;
                highWater = b.VolumeL;
                reset = true;
            }
            else
            {
                // Backflow or jitter: nothing counted until the register is above its high-water mark again.
                litres = 0;
            }

            intervals.Add(new ConsumptionInterval(a.Time, b.Time, litres, gap || reset, reset));
        }

        return intervals;
    }

    /// <summary>Sorted by time, one reading per instant.</summary>
    internal static List<RegisterReading> Ordered(IEnumerable<RegisterReading> readings)
    {
        var ordered = new List<RegisterReading>();
        foreach (var reading in readings.OrderBy(r => r.Time))
        {
            if (double.IsFinite(reading.VolumeL) && reading.VolumeL >= 0 && (ordered.Count == 0 || ordered[^1].Time != reading.Time))
            {
                ordered.Add(reading);
            }
        }

        return ordered;
    }

    /// <summary>
    /// The register was near its top and is now near zero: what is left to the top plus the new reading is at most a
    /// tenth of the range (a household meter would need 10,000 m³ in one interval to look like a rollover otherwise).
    /// </summary>
    private static bool IsRollover(double highWater, double now, RegisterRules rules) =>
        rules.RolloverL is { } top && highWater <= top && (top - highWater) + now <= top / 10;
}
