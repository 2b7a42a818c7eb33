namespace SmartOverhalla.Lighting.Savings;

/// <summary>Which intervals between two readings of a light count (<see cref="LightDayCalculator"/>).</summary>
/// <param name="GapFactor">An interval over this many times the light's median interval is unknown.</param>
/// <param name="MaxGap">An interval over this is unknown whatever the median.</param>
/// <param name="MaxPlausiblePowerW">A register increase implying a higher average draw is a register jump (a meter replaced), not consumption.</param>
public readonly record struct ReadingRules(double GapFactor, TimeSpan MaxGap, double MaxPlausiblePowerW);
