namespace SmartOverhalla.Alerts;

/// <summary>
/// What makes two alerts the same problem: one thing (device, district, road segment) of one kind, one type. There is at
/// most one open alert per key (ids are unique per municipality and kind).
/// </summary>
public readonly record struct AlertKey(string Municipality, string Kind, string Device, string Type);
