namespace SmartOverhalla.Water.Leaks;

/// <summary>The meter's own alarms as suspicions: from the first reading with the flag on to the first one with it off again.</summary>
public static class MeterAlarms
{
    /// <summary>Suspicions of <paramref name="kind"/> from a meter's alarm flags (any order; one per instant counts).</summary>
    public static IReadOnlyList<Suspicion> Of(IEnumerable<AlarmReading> readings, SuspicionKind kind)
    {
        ArgumentNullException.ThrowIfNull(readings);
        var ordered = readings.GroupBy(r => r.Time).Select(g => g.First()).OrderBy(r => r.Time).ToList();
        var suspicions = new List<Suspicion>();
        if (ordered.Count == 0)
        {
            return suspicions;
        }

        var asOf = ordered[^1].Time;
        DateTimeOffset? since = null;
        foreach (var reading in ordered)
        {
            if (reading.On && since is null)
            {
                since = reading.Time;
            }
            else if (!reading.On && since is { } start)
            {
                suspicions.Add(new Suspicion(kind, SuspicionSource.MeterAlarm, start, reading.Time, asOf, 0, 0));
                since = null;
            }
        }

        if (since is { } open)
        {
            suspicions.Add(new Suspicion(kind, SuspicionSource.MeterAlarm, open, null, asOf, 0, 0));
        }

        return suspicions;
    }

    /// <summary>
    /// One list per kind from the rule's and the meter's suspicions: overlapping ones of the same kind are one problem,
    /// since the earliest start, ongoing if either is, with the rule's figures (the meter's alarm has none).
    /// </summary>
    public static IReadOnlyList<Suspicion> Merge(IEnumerable<Suspicion> rule, IEnumerable<Suspicion> meter)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(meter);
        var merged = new List<Suspicion>();
        foreach (var group in rule.Concat(meter).GroupBy(s => s.Kind))
        {
            Suspicion? current = null;
            foreach (var next in group.OrderBy(s => s.Since))
            {
                if (current is not null && Overlaps(current, next))
                {
                    var figures = current.Source == SuspicionSource.Rule ? current : next;
                    current = figures with
                    {
                        Since = current.Since < next.Since ? current.Since : next.Since,
                        Until = current.Until is null || next.Until is null ? null : (current.Until > next.Until ? current.Until : next.Until),
                        AsOf = current.AsOf > next.AsOf ? current.AsOf : next.AsOf,
                    };
                    continue;
                }

                if (current is not null)
                {
                    merged.Add(current);
                }

                current = next;
            }

            if (current is not null)
            {
                merged.Add(current);
            }
        }

        return [.. merged.OrderBy(s => s.Since).ThenBy(s => s.Kind)];
    }

    private static bool Overlaps(Suspicion a, Suspicion b) => b.Since <= (a.Until ?? DateTimeOffset.MaxValue);
}
