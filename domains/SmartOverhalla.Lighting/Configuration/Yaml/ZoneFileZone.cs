namespace SmartOverhalla.Lighting.Configuration.Yaml;

/// <summary>A zone as written in the zone file.</summary>
internal sealed class ZoneFileZone
{
    public string? Id { get; set; }

    public string? Name { get; set; }

    public string? Latitude { get; set; }

    public string? Longitude { get; set; }

    public ZoneFileLights? Lights { get; set; }

    /// <summary>Day type (default, weekday, saturday, sundayHoliday) → profile id.</summary>
    public Dictionary<string, string?>? Profiles { get; set; }
}
