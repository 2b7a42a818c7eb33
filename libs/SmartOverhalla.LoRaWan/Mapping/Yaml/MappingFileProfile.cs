namespace SmartOverhalla.LoRaWan.Mapping.Yaml;

/// <summary>One profile as written: which uplinks it matches, which device kind they are, and their fields.</summary>
internal sealed class MappingFileProfile
{
    public string? Name { get; set; }

    public MappingFileMatch? Match { get; set; }

    public string? Kind { get; set; }

    public Dictionary<string, MappingFileField?>? Fields { get; set; }

    public MappingFileField? Ts { get; set; }

    public MappingFileCommands? Commands { get; set; }
}
