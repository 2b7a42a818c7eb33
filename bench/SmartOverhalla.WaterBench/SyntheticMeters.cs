using SmartOverhalla.Time;
using SmartOverhalla.Water.Consumption;

namespace SmartOverhalla.WaterBench;

/// <summary>
/// Hourly register readings of synthetic household meters: each uses 0 L at night and 5–40 L an hour by day, varying with
/// its number and the hour, so no two meters are alike; a register is a pure function of (meter, time), so any range of
/// readings can be made without keeping a year in memory.
/// </summary>
internal static class SyntheticMeters
{
    public static string Id(int meter) => $"wb-{meter:D5}";

    public static string District(int meter, int metersPerDistrict) => $"d{meter / metersPerDistrict:D3}";

    /// <summary>The register of <paramref name="meter"/> at the whole hour <paramref name="hoursSinceStart"/> after the start.</summary>
    public static double Register(int meter, long hoursSinceStart) =>
        (meter * 1_000.0) + (hoursSinceStart / 24 * DailyLitres(meter)) + PartOfDay(meter, (int)(hoursSinceStart % 24));

    /// <summary>One local day's readings of <paramref name="meter"/> with the reading before its start and after its end, as the job reads them.</summary>
    public static List<RegisterReading> DayReadings(int meter, DateTimeOffset start, LocalDay day)
    {
        var readings = new List<RegisterReading>(27);
        var first = (long)Math.Floor((day.Start - start).TotalHours) - 1;
        var last = (long)Math.Ceiling((day.End - start).TotalHours) + 1;
        for (var h = Math.Max(0, first); h <= last; h++)
        {
            readings.Add(new RegisterReading(start.AddHours(h), Register(meter, h)));
        }

        return readings;
    }

    private static double DailyLitres(int meter) => PartOfDay(meter, 24);

    private static double PartOfDay(int meter, int hours)
    {
        double litres = 0;
        for (var h = 0; h < hours; h++)
        {
            litres += h is >= 6 and < 23 ? 5 + ((meter + h) % 36) : 0;
        }

        return litres;
    }
}
