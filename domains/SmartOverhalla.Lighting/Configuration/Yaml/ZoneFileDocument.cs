namespace SmartOverhalla.Lighting.Configuration.Yaml;

/// <summary>
/// The zone file as written, before validation. Every scalar is read as text so that a bad value becomes a
/// problem naming its zone or step instead of a parser error that hides all the others.
/// </summary>
internal sealed class ZoneFileDocument
{
    public string? Municipality { get; set; }

    public List<ZoneFileZone?>? Zones { get; set; }

    public List<ZoneFileProfile?>? Profiles { get; set; }
}
