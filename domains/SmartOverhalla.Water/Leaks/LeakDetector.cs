using SmartOverhalla.Water.Consumption;

namespace SmartOverhalla.Water.Leaks;

/// <summary>
/// The platform's own leak and burst rules over one meter's consumption intervals (<see cref="RegisterIntervals"/>), so
/// meters without alarms are covered too. Pure: the analytics job reads the readings, calls this and reports what it finds.
/// </summary>
public static class LeakDetector
{
    /// <summary>
    /// Leaks: runs of whole clock hours, each with more than <see cref="LeakRules.FlowFreeLitresPerHour"/> measured (an
    /// hour over a gap in the readings ends a run, as for bursts), lasting at least <see cref="LeakRules.LeakAfter"/> (no
    /// flow-free hour in 24 hours). A leak starts where its run starts: in the
    /// run's first hour, at the start of the first reading interval with flow (so within one reporting interval of the
    /// real start); it ends at the next flow-free hour. Its rate is the least any hour of the run drew, leaving out the
    /// hours the reading intervals holding its start and end spread over (they hold only part of an hour of it): at night
    /// the leak flows alone. The litres lost are that rate over its duration.
    /// </summary>
    /// <remarks>
    /// A run that begins with the first hour read may have begun earlier: give the detector enough history (at least
    /// <see cref="LeakRules.LeakAfter"/> before the time of interest) to see the flow-free hour before a leak.
    /// </remarks>
    public static IReadOnlyList<Suspicion> Leaks(IReadOnlyList<ConsumptionInterval> intervals, LeakRules rules)
    {
        ArgumentNullException.ThrowIfNull(intervals);
        ArgumentNullException.ThrowIfNull(rules);
        var suspicions = new List<Suspicion>();
        if (intervals.Count == 0)
        {
            return suspicions;
        }

        var asOf = intervals[^1].End;
        var hours = HourlyConsumption.Of(intervals, intervals[0].Start, asOf).Where(h => h.Complete).ToList();
        var run = new List<ConsumptionHour>();
        foreach (var hour in hours)
        {
            var contiguous = run.Count == 0 || run[^1].Start + ConsumptionHour.Length == hour.Start;
            if (Flowing(hour, rules) && contiguous)
            {
                run.Add(hour);
                continue;
            }

            // A flow-free hour, a hole in the hours read, or an hour over a gap in the readings (its litres are spread
            // evenly, so it can neither show a flow-free hour nor prove there was none) ends the run.
            if (Leak(run, until: hour.Start, asOf, intervals, rules) is { } ended)
            {
                suspicions.Add(ended);
            }

            run.Clear();
            if (Flowing(hour, rules))
            {
                run.Add(hour);
            }
        }

        if (Leak(run, until: null, asOf, intervals, rules) is { } ongoing)
        {
            suspicions.Add(ongoing);
        }

        return suspicions;
    }

    /// <summary>
    /// Bursts: runs of consecutive reading intervals whose flow is at least <see cref="LeakRules.BurstFlowLph"/>, lasting at
    /// least <see cref="LeakRules.BurstAfter"/>. Intervals over a gap (estimated) do not count: when their water flowed is
    /// not known. A burst's litres are all the litres of its run.
    /// </summary>
    public static IReadOnlyList<Suspicion> Bursts(IReadOnlyList<ConsumptionInterval> intervals, LeakRules rules)
    {
        ArgumentNullException.ThrowIfNull(intervals);
        ArgumentNullException.ThrowIfNull(rules);
        var suspicions = new List<Suspicion>();
        if (intervals.Count == 0)
        {
            return suspicions;
        }

        var asOf = intervals[^1].End;
        var run = new List<ConsumptionInterval>();
        foreach (var interval in intervals)
        {
            var high = !interval.Estimated && interval.LitresPerHour >= rules.BurstFlowLph;
            var contiguous = run.Count == 0 || run[^1].End == interval.Start;
            if (high && contiguous)
            {
                run.Add(interval);
                continue;
            }

            if (Burst(run, until: run.Count == 0 ? null : run[^1].End, asOf, rules) is { } ended)
            {
                suspicions.Add(ended);
            }

            run.Clear();
            if (high)
            {
                run.Add(interval);
            }
        }

        if (Burst(run, until: null, asOf, rules) is { } ongoing)
        {
            suspicions.Add(ongoing);
        }

        return suspicions;
    }

    /// <summary>An hour that counts towards a leak: water ran in it, and what ran is measured, not spread over a gap.</summary>
    private static bool Flowing(ConsumptionHour hour, LeakRules rules) => hour.Litres > rules.FlowFreeLitresPerHour && hour.EstimatedLitres == 0;

    private static Suspicion? Leak(List<ConsumptionHour> run, DateTimeOffset? until, DateTimeOffset asOf, IReadOnlyList<ConsumptionInterval> intervals, LeakRules rules)
    {
        if (run.Count == 0 || run.Count * ConsumptionHour.Length < rules.LeakAfter)
        {
            return null;
        }

        // The leak began in the run's first hour: at the start of the first reading interval with flow in that hour.
        var first = run[0];
        var firstFlow = intervals.FirstOrDefault(i => i.Litres > 0 && i.End > first.Start && i.Start < first.Start + ConsumptionHour.Length);
        var since = firstFlow.Litres > 0 && firstFlow.Start > first.Start ? firstFlow.Start : first.Start;

        // The rate is read from hours that hold the leak alone or with use, never the start or the end spread thin: an
        // interval's litres are spread evenly over it, so hours up to the end of the interval holding the start (and, for
        // a leak that ended, from the start of the interval holding the end) have only part of an hour of the leak. With
        // readings an hour apart that is the first two hours, not one.
        var settled = firstFlow.Litres > 0 ? firstFlow.End : first.Start + ConsumptionHour.Length;
        var lastFlow = until is { } leakEnd ? intervals.LastOrDefault(i => i.Litres > 0 && i.Start < leakEnd) : default;
        var fading = until is null ? DateTimeOffset.MaxValue : (lastFlow.Litres > 0 ? lastFlow.Start : run[^1].Start);
        var whole = run.Where(h => h.Start >= settled && h.Start + ConsumptionHour.Length <= fading).ToList();
        if (whole.Count == 0)
        {
            // A short run: at least leave out the first hour and, when it ended, the last.
            whole = [.. run.Skip(1).Take(until is null ? run.Count - 1 : run.Count - 2)];
        }

        var rate = whole.Count > 0 ? whole.Min(h => h.Litres) : run.Max(h => h.Litres);
        var end = until ?? asOf;
        return new Suspicion(SuspicionKind.Leak, SuspicionSource.Rule, since, until, asOf, rate, rate * (end - since).TotalHours);
    }

    private static Suspicion? Burst(List<ConsumptionInterval> run, DateTimeOffset? until, DateTimeOffset asOf, LeakRules rules)
    {
        if (run.Count == 0 || run[^1].End - run[0].Start < rules.BurstAfter)
        {
            return null;
        }

        var litres = run.Sum(i => i.Litres);
        var duration = run[^1].End - run[0].Start;
        return new Suspicion(SuspicionKind.Burst, SuspicionSource.Rule, run[0].Start, until, asOf, litres / duration.TotalHours, litres);
    }
}
