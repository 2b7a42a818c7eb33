namespace SmartOverhalla.Water.Consumption;

/// <summary>Spreads consumption intervals over clock hours, in proportion to the time each interval spends in each hour.</summary>
public static class HourlyConsumption
{
    /// <summary>
    /// The hours from the one containing <paramref name="from"/> to the last starting before <paramref name="to"/> that
    /// <paramref name="intervals"/> reach, in time order. An hour no interval reaches is left out (nothing is known of it).
    /// </summary>
    public static IReadOnlyList<ConsumptionHour> Of(IEnumerable<ConsumptionInterval> intervals, DateTimeOffset from, DateTimeOffset to)
    {
        ArgumentNullException.ThrowIfNull(intervals);
        var first = HourOf(from);
        var hours = new SortedDictionary<DateTimeOffset, (double Litres, double Estimated, TimeSpan Covered)>();
        foreach (var interval in intervals)
        {
            var length = interval.Length;
            if (length <= TimeSpan.Zero)
            {
                continue;
            }

            var start = interval.Start > first ? interval.Start : first;
            var end = interval.End < to ? interval.End : to;
            for (var hour = HourOf(start); hour < end; hour += ConsumptionHour.Length)
            {
                var overlapStart = start > hour ? start : hour;
                var hourEnd = hour + ConsumptionHour.Length;
                var overlapEnd = end < hourEnd ? end : hourEnd;
                var overlap = overlapEnd - overlapStart;
                if (overlap <= TimeSpan.Zero)
                {
                    continue;
                }

                var litres = interval.Litres * (overlap / length);
                var sum = hours.GetValueOrDefault(hour);
                hours[hour] = (sum.Litres + litres, sum.Estimated + (interval.Estimated ? litres : 0), sum.Covered + overlap);
            }
        }

        return [.. hours.Select(h => new ConsumptionHour(h.Key, h.Value.Litres, h.Value.Estimated, h.Value.Covered))];
    }

    /// <summary>The start of the clock hour <paramref name="instant"/> falls in, in UTC.</summary>
    public static DateTimeOffset HourOf(DateTimeOffset instant)
    {
        var utc = instant.ToUniversalTime();
        return new DateTimeOffset(utc.Year, utc.Month, utc.Day, utc.Hour, 0, 0, TimeSpan.Zero);
    }
}
