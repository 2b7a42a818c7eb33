namespace SmartOverhalla.Lighting.Savings;

/// <summary>A light's readings at 100 % with the lamp on over the learning window: their median power and how many there were.</summary>
public readonly record struct FullPowerObservation(double MedianPowerW, long Samples);
