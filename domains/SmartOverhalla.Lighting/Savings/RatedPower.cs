namespace SmartOverhalla.Lighting.Savings;

/// <summary>A light's draw at 100 %, the "without dimming" of the baseline, and where it came from.</summary>
public readonly record struct RatedPower(double Watts, RatedPowerSource Source)
{
    /// <summary>
    /// Learned first: the light's own median draw at 100 % measures the real luminaire, driver losses included
    /// (catalogue figures and zone averages do not), and the median ignores the odd reading while the driver
    /// ramps. Only with too few such readings (a zone whose profile never reaches 100 %, a new light) does the
    /// configured figure of its zone, or the default, stand in.
    /// </summary>
    public static RatedPower Resolve(FullPowerObservation? observed, string? zoneId, RatedPowerRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        if (rules.Learn && observed is { } seen && seen.Samples >= rules.MinFullPowerSamples && seen.MedianPowerW > 0)
        {
            return new RatedPower(seen.MedianPowerW, RatedPowerSource.Learned);
        }

        return zoneId is not null && rules.ZoneWatts.TryGetValue(zoneId, out var zoneWatts)
            ? new RatedPower(zoneWatts, RatedPowerSource.Zone)
            : new RatedPower(rules.DefaultWatts, RatedPowerSource.Default);
    }
}
