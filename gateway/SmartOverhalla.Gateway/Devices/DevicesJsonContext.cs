using System.Text.Json.Serialization;

namespace SmartOverhalla.Gateway.Devices;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, WriteIndented = true, UseStringEnumConverter = true)]
[JsonSerializable(typeof(RegistryFileContent))]
internal sealed partial class DevicesJsonContext : JsonSerializerContext;
