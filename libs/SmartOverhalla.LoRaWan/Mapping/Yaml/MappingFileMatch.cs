namespace SmartOverhalla.LoRaWan.Mapping.Yaml;

/// <summary>A profile's <c>match</c> as written.</summary>
internal sealed class MappingFileMatch
{
    public string? Network { get; set; }

    public string? Application { get; set; }

    public string? DeviceProfile { get; set; }
}
