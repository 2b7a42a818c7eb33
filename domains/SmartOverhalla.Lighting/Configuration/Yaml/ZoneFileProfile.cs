namespace SmartOverhalla.Lighting.Configuration.Yaml;

/// <summary>A profile as written in the zone file.</summary>
internal sealed class ZoneFileProfile
{
    public string? Id { get; set; }

    public string? Description { get; set; }

    public List<ZoneFileStep?>? Steps { get; set; }
}
