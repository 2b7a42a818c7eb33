namespace SmartOverhalla.Simulators.Models.Watermeters;

/// <summary>
/// Average household water use per resident over the day, local time: near nothing at night, a
/// morning peak (showers) and a broader evening peak (cooking, washing). The day adds up to about
/// 170 litres per person, close to Norwegian household consumption per capita.
/// </summary>
internal static class HouseholdFlowProfile
{
    /// <summary>Litres per hour per resident, for each local hour (value at the middle of the hour).</summary>
    private static readonly double[] LitresPerHour =
    [
        0.5, 0.3, 0.3, 0.3, 0.5, 2.0,   // 00-05: night
        12, 22, 15, 8, 6, 6,            // 06-11: morning peak
        7, 6, 5, 6, 8, 11,              // 12-17: day
        13, 12, 11, 9, 6, 2,            // 18-23: evening peak
    ];

    /// <summary>Average flow per resident at a local hour of day (0 ≤ h &lt; 24), interpolated between hours.</summary>
    public static double PerResidentLph(double hourOfDay)
    {
        // Values sit at h + 0.5; interpolate between the two nearest, wrapping over midnight.
        var position = hourOfDay - 0.5;
        var lower = (int)Math.Floor(position);
        var fraction = position - lower;
        var a = LitresPerHour[(lower + 24) % 24];
        var b = LitresPerHour[(lower + 25) % 24];
        return a + ((b - a) * fraction);
    }

    /// <summary>Litres per resident over one whole day.</summary>
    public static double DailyLitresPerResident => LitresPerHour.Sum();
}
