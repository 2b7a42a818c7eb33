namespace SmartOverhalla.Lighting.Configuration.Yaml;

/// <summary>A step as written in the zone file: <c>at</c> is "HH:mm" or an event with an optional offset.</summary>
internal sealed class ZoneFileStep
{
    public string? At { get; set; }

    public string? Level { get; set; }
}
