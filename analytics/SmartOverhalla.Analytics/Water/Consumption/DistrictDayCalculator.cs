using SmartOverhalla.DerivedSeries.Water;
using SmartOverhalla.Time;
using SmartOverhalla.Water.Balance;
using SmartOverhalla.Water.Consumption;

namespace SmartOverhalla.Analytics.Water.Consumption;

/// <summary>
/// One district's local day from its meters' register readings, with the water domain's rules: readings → intervals
/// (<see cref="RegisterIntervals"/>: duplicates, resets, backflow, gaps) → hours of the day (<see cref="HourlyConsumption"/>,
/// gaps spread and marked estimated) → the day; the households summed per hour and per day; the balance against the
/// inflow meters' hours (<see cref="WaterBalance"/>). Pure: the job reads, calls this and writes; the benchmark calls it
/// alone.
/// </summary>
internal static class DistrictDayCalculator
{
    /// <param name="households">Each household meter's readings of the day, with its neighbours before and after it.</param>
    /// <param name="inflows">The same for the district's inflow meters.</param>
    public static DistrictDayConsumption Compute(
        LocalDay day,
        string district,
        IEnumerable<KeyValuePair<string, IReadOnlyList<RegisterReading>>> households,
        IEnumerable<IReadOnlyList<RegisterReading>> inflows,
        RegisterRules rules)
    {
        ArgumentNullException.ThrowIfNull(households);
        ArgumentNullException.ThrowIfNull(inflows);
        var meterHours = new List<MeterConsumptionRow>();
        var meterDays = new List<MeterConsumptionRow>();
        var householdHours = new List<IReadOnlyList<ConsumptionHour>>();
        var perHour = new SortedDictionary<DateTimeOffset, (double Litres, double Estimated, long Meters)>();
        foreach (var (meter, readings) in households)
        {
            var hours = HoursOfDay(readings, day, rules);
            if (hours.Count == 0)
            {
                continue;
            }

            householdHours.Add(hours);
            foreach (var hour in hours)
            {
                meterHours.Add(new MeterConsumptionRow(hour.Start, meter, district, hour.Litres, hour.EstimatedLitres));
                var sum = perHour.GetValueOrDefault(hour.Start);
                perHour[hour.Start] = (sum.Litres + hour.Litres, sum.Estimated + hour.EstimatedLitres, sum.Meters + 1);
            }

            var total = ConsumptionTotal.Of(hours);
            meterDays.Add(new MeterConsumptionRow(day.Start, meter, district, total.Litres, total.EstimatedLitres));
        }

        var districtHours = perHour.Select(h => new DistrictConsumptionRow(h.Key, district, h.Value.Litres, h.Value.Estimated, h.Value.Meters)).ToList();
        var districtDay = meterDays.Count == 0
            ? null
            : new DistrictConsumptionRow(day.Start, district, meterDays.Sum(r => r.Litres), meterDays.Sum(r => r.EstimatedL), meterDays.Count);

        var inflowHours = ConsumptionTotal.SumPerHour(inflows.Select(readings => HoursOfDay(readings, day, rules)));
        var balance = inflowHours.Count == 0 ? null : WaterBalance.Of(day.Date, district, inflowHours, householdHours);
        return new DistrictDayConsumption(meterHours, meterDays, districtHours, districtDay, balance);
    }

    /// <summary>The hours of <paramref name="day"/> a meter's readings reach (none when they do not reach into it).</summary>
    public static IReadOnlyList<ConsumptionHour> HoursOfDay(IReadOnlyList<RegisterReading> readings, LocalDay day, RegisterRules rules) =>
        HourlyConsumption.Of(RegisterIntervals.Of(readings, rules), day.Start, day.End);
}
