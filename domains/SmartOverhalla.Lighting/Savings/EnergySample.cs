namespace SmartOverhalla.Lighting.Savings;

/// <summary>One street-light reading as the savings need it: when, the cumulative energy register, and whether the lamp was lit.</summary>
public readonly record struct EnergySample(DateTimeOffset Time, double EnergyKWh, bool LampOn);
