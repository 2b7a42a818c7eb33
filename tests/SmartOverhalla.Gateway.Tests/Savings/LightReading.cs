namespace SmartOverhalla.Gateway.Tests.Savings;

/// <summary>One synthetic street-light reading, with every field of the contract's telemetry.</summary>
internal readonly record struct LightReading(DateTimeOffset Time, int DimLevel, double PowerW, double EnergyKWh, bool LampOn);
