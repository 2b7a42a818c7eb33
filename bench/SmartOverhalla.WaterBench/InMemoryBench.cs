using System.Diagnostics;
using SmartOverhalla.Analytics.Water;
using SmartOverhalla.Analytics.Water.Consumption;
using SmartOverhalla.Time;
using SmartOverhalla.Water.Consumption;

namespace SmartOverhalla.WaterBench;

/// <summary>
/// The consumption job's computation alone, as the job runs it: per district (of <c>metersPerDistrict</c>) and local day,
/// <see cref="DistrictDayCalculator.Compute"/> over each meter's hourly readings of the day (with the readings either
/// side), then each month's rows as the sum of its days. Only the computation is timed, not making the readings.
/// </summary>
internal static class InMemoryBench
{
    public static void Run(int meters, int days, int metersPerDistrict)
    {
        var firstDay = new DateOnly(2025, 1, 1);
        var start = LocalDay.MidnightOf(firstDay);
        var compute = new Stopwatch();
        long hourRows = 0, dayRows = 0, monthRows = 0, readings = 0;
        var districts = (meters + metersPerDistrict - 1) / metersPerDistrict;
        var gcBefore = GC.CollectionCount(0);
        var wall = Stopwatch.StartNew();
        for (var d = 0; d < districts; d++)
        {
            var district = $"d{d:D3}";
            var ids = Enumerable.Range(d * metersPerDistrict, Math.Min(metersPerDistrict, meters - (d * metersPerDistrict))).ToList();
            var monthSums = new Dictionary<(string Meter, DateOnly Month), double>();
            for (var i = 0; i < days; i++)
            {
                var day = LocalDay.Of(firstDay.AddDays(i));
                var input = ids.Select(m => KeyValuePair.Create(SyntheticMeters.Id(m), (IReadOnlyList<RegisterReading>)SyntheticMeters.DayReadings(m, start, day))).ToList();
                readings += input.Sum(m => m.Value.Count);
                compute.Start();
                var result = DistrictDayCalculator.Compute(day, district, input, [], WaterAnalyticsOptions.Registers);
                var month = LocalDay.MonthOf(day.Date);
                foreach (var row in result.MeterDays)
                {
                    monthSums[(row.Device, month)] = monthSums.GetValueOrDefault((row.Device, month)) + row.Litres;
                }

                compute.Stop();
                hourRows += result.MeterHours.Count + result.DistrictHours.Count;
                dayRows += result.MeterDays.Count + (result.DistrictDay is null ? 0 : 1);
            }

            monthRows += monthSums.Count;
        }

        wall.Stop();
        var meterDays = (double)meters * days;
        Console.WriteLine($"in-memory: {meters:N0} meters × {days} days ({districts} districts of {metersPerDistrict}), {readings:N0} readings read in");
        Console.WriteLine($"  rows computed: {hourRows:N0} hourly, {dayRows:N0} daily, {monthRows:N0} monthly (meters and districts)");
        Console.WriteLine($"  computation: {compute.Elapsed.TotalSeconds:N1} s ({meterDays / compute.Elapsed.TotalSeconds:N0} meter-days/s, {compute.Elapsed.TotalMilliseconds * 1_000 / meterDays:N1} µs per meter-day, {compute.Elapsed.TotalMilliseconds * 365 / meterDays:N2} ms per meter-year)");
        Console.WriteLine($"  wall (with making the readings): {wall.Elapsed.TotalSeconds:N1} s; gen-0 collections: {GC.CollectionCount(0) - gcBefore}");
        Console.WriteLine($"  => 10,000 meters × 365 days: {compute.Elapsed.TotalSeconds / meterDays * 10_000 * 365:N0} s of computation");
    }
}
