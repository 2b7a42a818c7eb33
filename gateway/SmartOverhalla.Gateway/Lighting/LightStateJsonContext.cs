using System.Text.Json.Serialization;

namespace SmartOverhalla.Gateway.Lighting;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = false, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(List<LightState>))]
internal sealed partial class LightStateJsonContext : JsonSerializerContext;
