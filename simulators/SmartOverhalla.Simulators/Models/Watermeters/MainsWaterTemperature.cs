using SmartOverhalla.Time;

namespace SmartOverhalla.Simulators.Models.Watermeters;

/// <summary>
/// Mains water follows the ground temperature: coldest in late winter, warmest in early autumn (around day 258,
/// mid-September), 6–10 °C in Overhalla.
/// </summary>
internal static class MainsWaterTemperature
{
    public const double MinC = 6;
    public const double MaxC = 10;

    public static double At(DateTimeOffset instant, double baseC, Random random)
    {
        var season = Math.Cos(2 * Math.PI * (NorwegianTime.ToLocal(instant).DayOfYear - 258) / 365.25);
        var temp = baseC + (1.4 * season) + random.NextNoise(0.1);
        return Math.Round(Math.Clamp(temp, MinC, MaxC), 2);
    }
}
