using System.Text.Json.Serialization;

namespace SmartOverhalla.Gateway.Lighting;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(List<LightingOverride>))]
internal sealed partial class OverrideJsonContext : JsonSerializerContext;
