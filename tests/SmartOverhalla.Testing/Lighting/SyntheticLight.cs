using SmartOverhalla.Influx;
using SmartOverhalla.Time;

namespace SmartOverhalla.Testing.Lighting;

/// <summary>
/// Readings of a light whose level and draw follow a function of time, with an energy register that integrates the
/// draw of each reading until the next (as the simulated lights' meters do), so every figure a test expects can be
/// worked out by hand from the function.
/// </summary>
public static class SyntheticLight
{
    /// <summary>Readings every <paramref name="step"/> from <paramref name="from"/> to <paramref name="to"/> (both included).</summary>
    public static List<LightReading> Readings(
        DateTimeOffset from, DateTimeOffset to, TimeSpan step, Func<DateTimeOffset, (int Level, double PowerW)> state, double register = 100)
    {
        var readings = new List<LightReading>();
        for (var time = from; time <= to; time += step)
        {
            var (level, watts) = state(time);
            readings.Add(new LightReading(time, level, watts, register, level > 0));
            register += watts * step.TotalHours / 1000;
        }

        return readings;
    }

    /// <summary>The local (Europe/Oslo) time of day at <paramref name="time"/>, in hours.</summary>
    public static double LocalHour(DateTimeOffset time) => NorwegianTime.HourOfDay(time);

    /// <summary>Local (Europe/Oslo) wall-clock time as an instant.</summary>
    public static DateTimeOffset Oslo(int year, int month, int day, int hour = 0, int minute = 0) =>
        LocalDay.MidnightOf(new DateOnly(year, month, day)) + TimeSpan.FromHours(hour) + TimeSpan.FromMinutes(minute);

    /// <summary>The readings as the ingestion worker stores them (measurement <c>streetlight</c>).</summary>
    public static IEnumerable<PointData> AsPoints(this IEnumerable<LightReading> readings, string municipality, string device) =>
        readings.Select(r => PointData.Measurement("streetlight")
            .Tag("municipality", municipality)
            .Tag("device", device)
            .Field("dimLevel", (long)r.DimLevel)
            .Field("powerW", r.PowerW)
            .Field("energyKWh", r.EnergyKWh)
            .Field("lampOn", r.LampOn)
            .Timestamp(r.Time));
}
