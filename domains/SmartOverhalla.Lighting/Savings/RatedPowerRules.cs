namespace SmartOverhalla.Lighting.Savings;

/// <summary>How a light's power at 100 % is found (<see cref="RatedPower.Resolve"/>).</summary>
/// <param name="Learn">Learn it from the light's own readings at 100 % with the lamp on.</param>
/// <param name="MinFullPowerSamples">Readings at 100 % needed before a learned power is trusted.</param>
/// <param name="DefaultWatts">The power at 100 % when neither learned nor configured for the light's zone.</param>
/// <param name="ZoneWatts">Configured power at 100 % per zone id.</param>
public sealed record RatedPowerRules(bool Learn, int MinFullPowerSamples, double DefaultWatts, IReadOnlyDictionary<string, double> ZoneWatts);
