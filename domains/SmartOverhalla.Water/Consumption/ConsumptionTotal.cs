using SmartOverhalla.Time;

namespace SmartOverhalla.Water.Consumption;

/// <summary>
/// Consumption of a longer period (a local day, a calendar month) or of several meters together, summed from hours.
/// </summary>
/// <param name="Litres">Litres used, never negative.</param>
/// <param name="EstimatedLitres">The part spread over gaps or meter changes.</param>
/// <param name="Hours">Hours with readings that were summed.</param>
public readonly record struct ConsumptionTotal(double Litres, double EstimatedLitres, int Hours)
{
    public static ConsumptionTotal Of(IEnumerable<ConsumptionHour> hours)
    {
        ArgumentNullException.ThrowIfNull(hours);
        double litres = 0, estimated = 0;
        var count = 0;
        foreach (var hour in hours)
        {
            litres += hour.Litres;
            estimated += hour.EstimatedLitres;
            count++;
        }

        return new ConsumptionTotal(litres, estimated, count);
    }

    /// <summary>Each local day's total of <paramref name="hours"/> (Europe/Oslo: 23, 24 or 25 hours), by date.</summary>
    public static IReadOnlyDictionary<DateOnly, ConsumptionTotal> PerLocalDay(IEnumerable<ConsumptionHour> hours)
    {
        ArgumentNullException.ThrowIfNull(hours);
        return hours.GroupBy(h => NorwegianTime.DateAt(h.Start)).OrderBy(g => g.Key).ToDictionary(g => g.Key, g => Of(g));
    }

    /// <summary>The hour-by-hour sum of several meters' hours (a district's households together).</summary>
    public static IReadOnlyList<ConsumptionHour> SumPerHour(IEnumerable<IEnumerable<ConsumptionHour>> meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        return [.. meters.SelectMany(m => m)
            .GroupBy(h => h.Start)
            .OrderBy(g => g.Key)
            .Select(g => new ConsumptionHour(g.Key, g.Sum(h => h.Litres), g.Sum(h => h.EstimatedLitres), g.Max(h => h.Covered)))];
    }
}
