namespace SmartOverhalla.Simulators.Models.Watermeters;

/// <summary>
/// When a household uses water over its local day: a morning peak (showers before work and school) and a broader
/// evening peak (cooking, washing up, showers), later and flatter at weekends. Nights are quiet: no use at all from
/// 00:00 to 05:00 on weekdays and from 01:00 to 06:00 at weekends, so a normal household always has flow-free hours
/// (a meter's "leak" is no flow-free hour in 24; Kamstrup and Diehl define it so).
/// </summary>
internal static class HouseholdRhythm
{
    /// <summary>Relative weight of each local hour, Monday to Friday.</summary>
    private static readonly double[] Weekday =
    [
        0, 0, 0, 0, 0, 1,           // 00-05: asleep
        6, 9, 5, 2, 1.5, 1.5,       // 06-11: morning peak
        2, 1.5, 1.2, 1.5, 3, 4.5,   // 12-17: at work and school, home again
        5, 4, 3, 2.5, 1.5, 0.6,     // 18-23: evening peak
    ];

    /// <summary>Relative weight of each local hour, Saturday and Sunday.</summary>
    private static readonly double[] Weekend =
    [
        0.8, 0, 0, 0, 0, 0,         // 00-05: up late, then asleep
        1, 2, 5, 7, 6, 4,           // 06-11: a late morning peak
        3, 2.5, 2, 2, 3, 4.5,       // 12-17
        5, 4, 3, 2.5, 2, 1.2,       // 18-23
    ];

    private static readonly double[] WeekdayCumulative = Cumulative(Weekday);
    private static readonly double[] WeekendCumulative = Cumulative(Weekend);

    public static bool IsWeekend(DateOnly date) => date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    /// <summary>Draws a time of day, in hours after local midnight (0 ≤ h &lt; 24), from the day's rhythm.</summary>
    public static double DrawHour(Random random, bool weekend)
    {
        var cumulative = weekend ? WeekendCumulative : WeekdayCumulative;
        var target = random.NextDouble() * cumulative[^1];
        var hour = 0;
        while (cumulative[hour] <= target)
        {
            hour++;
        }

        return hour + random.NextDouble();
    }

    /// <summary>True when the rhythm never places a use in local hour <paramref name="hour"/>.</summary>
    public static bool IsQuietHour(int hour, bool weekend) => (weekend ? Weekend : Weekday)[hour] == 0;

    private static double[] Cumulative(double[] weights)
    {
        var result = new double[weights.Length];
        var sum = 0.0;
        for (var i = 0; i < weights.Length; i++)
        {
            sum += weights[i];
            result[i] = sum;
        }

        return result;
    }
}
