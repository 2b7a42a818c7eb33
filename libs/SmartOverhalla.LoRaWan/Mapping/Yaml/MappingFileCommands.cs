namespace SmartOverhalla.LoRaWan.Mapping.Yaml;

/// <summary>A street-light profile's <c>commands</c> as written.</summary>
internal sealed class MappingFileCommands
{
    public string? Encoder { get; set; }

    public int? FPort { get; set; }

    public bool? Confirmed { get; set; }
}
