namespace SmartOverhalla.LoRaWan.Mapping.Yaml;

/// <summary>The mapping file as written (YAML, camelCase keys); <see cref="UplinkMappingLoader"/> checks it.</summary>
internal sealed class MappingFileDocument
{
    public List<MappingFileProfile?>? Profiles { get; set; }
}
