namespace SmartOverhalla.Influx;

/// <summary>
/// Points that go into one retention policy: <see cref="RetentionPolicy"/> null means the writer's default
/// (<see cref="InfluxOptions.RetentionPolicy"/>, else the database default).
/// </summary>
public sealed record RoutedPoints(string? RetentionPolicy, IReadOnlyList<PointData> Points);
