using System.Text.Json.Serialization;

namespace SmartOverhalla.LoRaWan.Mapping;

/// <summary>Source-generated JSON for the string constants of a mapping file.</summary>
[JsonSerializable(typeof(string))]
internal sealed partial class LiteralJsonContext : JsonSerializerContext;
