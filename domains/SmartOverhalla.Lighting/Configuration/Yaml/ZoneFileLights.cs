namespace SmartOverhalla.Lighting.Configuration.Yaml;

/// <summary>A zone's lights as written in the zone file.</summary>
internal sealed class ZoneFileLights
{
    public List<string?>? Devices { get; set; }

    public List<string?>? Prefixes { get; set; }
}
