namespace SmartOverhalla.Water.Consumption;

/// <summary>One reading of a meter's cumulative volume register (the contract's <c>volumeL</c>) at the meter's own time.</summary>
public readonly record struct RegisterReading(DateTimeOffset Time, double VolumeL);
