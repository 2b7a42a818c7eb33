namespace SmartOverhalla.Simulators.Models.Watermeters;

/// <summary>
/// A kind of use with how often a resident makes it and how it draws water. Figures after Norwegian and Nordic
/// end-use studies (a shower 8–10 L/min, a cistern 6 L, a tap 6 L/min, a washing machine about 50 L a wash); together
/// about 160 litres per resident a day, the Norwegian household figure (SSB, "Kommunale vann- og avløpstjenester").
/// </summary>
/// <param name="PerResidentPerDay">Expected uses per resident and day.</param>
internal sealed record WaterUseKind(string Name, double PerResidentPerDay, TimeSpan MinDuration, TimeSpan MaxDuration, double MinRateLph, double MaxRateLph)
{
    public static readonly WaterUseKind Shower = new("shower", 0.7, TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(10), 480, 600);
    public static readonly WaterUseKind ToiletFlush = new("toilet", 5, TimeSpan.FromSeconds(50), TimeSpan.FromSeconds(70), 330, 390);
    public static readonly WaterUseKind Tap = new("tap", 16, TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(60), 300, 420);
    public static readonly WaterUseKind WashingMachine = new("washing machine", 0.3, TimeSpan.FromMinutes(9), TimeSpan.FromMinutes(11), 280, 320);
    public static readonly WaterUseKind Dishwasher = new("dishwasher", 0.25, TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(7), 110, 130);

    public static IReadOnlyList<WaterUseKind> All { get; } = [Shower, ToiletFlush, Tap, WashingMachine, Dishwasher];

    /// <summary>The highest flow any single use draws; uses in one household never overlap, so it is the household's highest too.</summary>
    public static double MaxRateOfAnyUse => All.Max(kind => kind.MaxRateLph);

    /// <summary>Litres per resident and day on average, from the figures above.</summary>
    public static double ExpectedLitresPerResidentPerDay => All.Sum(kind =>
        kind.PerResidentPerDay * ((kind.MinRateLph + kind.MaxRateLph) / 2) * ((kind.MinDuration + kind.MaxDuration) / 2).TotalHours);
}
