namespace SmartOverhalla.Testing.Lighting;

/// <summary>One synthetic street-light reading, with every field of the contract's telemetry.</summary>
public readonly record struct LightReading(DateTimeOffset Time, int DimLevel, double PowerW, double EnergyKWh, bool LampOn);
