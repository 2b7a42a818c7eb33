namespace SmartOverhalla.DevicePoints;

/// <summary>Tags every device point carries from its topic (the envelope), not from a payload field. Never rename: dashboards query them.</summary>
public static class DevicePointTags
{
    public const string Municipality = "municipality";
    public const string Device = "device";
    public const string Kind = "kind";
}
