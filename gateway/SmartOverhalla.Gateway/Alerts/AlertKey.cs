namespace SmartOverhalla.Gateway.Alerts;

/// <summary>What makes two alerts the same problem: one device, one type (device ids are unique per municipality and kind).</summary>
internal readonly record struct AlertKey(string Municipality, string Kind, string Device, AlertType Type);
