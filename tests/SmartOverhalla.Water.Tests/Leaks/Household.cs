using SmartOverhalla.Water.Consumption;

namespace SmartOverhalla.Water.Tests.Leaks;

/// <summary>
/// A household meter read every 15 minutes from Tuesday 24 November 2026 00:00 UTC (01:00 in Oslo), the household using
/// 10 L per quarter hour 06:00–08:00 and 16:00–21:00 UTC and nothing otherwise, plus any extra flow a test adds, so every
/// figure can be worked out by hand.
/// </summary>
internal static class Household
{
    public static readonly DateTimeOffset Start = new(2026, 11, 24, 0, 0, 0, TimeSpan.Zero);
    public static readonly TimeSpan Quarter = TimeSpan.FromMinutes(15);

    /// <summary>Litres the household itself uses in the quarter hour starting <paramref name="t"/>.</summary>
    public static double Use(DateTimeOffset t) => t.Hour is (>= 6 and < 8) or (>= 16 and < 21) ? 10 : 0;

    /// <summary>The meter's intervals over <paramref name="days"/> days, with <paramref name="extraLph"/> added at each instant (litres per hour).</summary>
    public static IReadOnlyList<ConsumptionInterval> Intervals(int days, Func<DateTimeOffset, double> extraLph)
    {
        var readings = new List<RegisterReading>();
        var register = 1_000.0;
        for (var t = Start; t <= Start.AddDays(days); t += Quarter)
        {
            readings.Add(new RegisterReading(t, register));
            register += Use(t) + Extra(t, extraLph);
        }

        return RegisterIntervals.Of(readings, RegisterRules.Household);
    }

    /// <summary>The litres <paramref name="extraLph"/> adds in the quarter hour from <paramref name="t"/>, integrated by the minute.</summary>
    private static double Extra(DateTimeOffset t, Func<DateTimeOffset, double> extraLph) =>
        Enumerable.Range(0, 15).Sum(minute => extraLph(t.AddMinutes(minute)) / 60);
}
