namespace SmartOverhalla.Water.Leaks;

/// <summary>A meter's own leak or burst alarm flag at one reading.</summary>
public readonly record struct AlarmReading(DateTimeOffset Time, bool On);
