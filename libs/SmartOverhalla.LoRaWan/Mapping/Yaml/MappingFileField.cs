namespace SmartOverhalla.LoRaWan.Mapping.Yaml;

/// <summary>One field rule as written: a decoded field (<c>from</c>) with <c>scale</c>, <c>offset</c> and <c>default</c>, or a constant <c>value</c>.</summary>
internal sealed class MappingFileField
{
    public string? From { get; set; }

    public double? Scale { get; set; }

    public double? Offset { get; set; }

    public string? Value { get; set; }

    public string? Default { get; set; }
}
