namespace SmartOverhalla.Gateway.Savings;

/// <summary>Which intervals between two readings of a light count (<see cref="LightDayCalculator"/>).</summary>
/// <param name="GapFactor">An interval over this many times the light's median interval is unknown.</param>
/// <param name="MaxGap">An interval over this is unknown whatever the median.</param>
/// <param name="MaxPlausiblePowerW">A register increase implying a higher average draw is a register jump (a meter replaced), not consumption.</param>
internal readonly record struct ReadingRules(double GapFactor, TimeSpan MaxGap, double MaxPlausiblePowerW)
{
    public static ReadingRules From(LightingSavingsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new ReadingRules(options.GapFactor, options.MaxSampleGap, options.MaxPlausiblePowerW);
    }
}
