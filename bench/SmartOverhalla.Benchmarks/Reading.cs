namespace SmartOverhalla.Benchmarks;

/// <summary>One decoded device message, before it becomes a point.</summary>
public readonly record struct Reading(
    DeviceKind Kind,
    string DeviceId,
    string Zone,
    DateTimeOffset Timestamp,
    double Value,
    double Total,
    int Level,
    bool Flag);
