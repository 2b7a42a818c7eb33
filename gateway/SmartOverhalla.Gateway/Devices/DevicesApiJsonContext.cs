using System.Text.Json.Serialization;

namespace SmartOverhalla.Gateway.Devices;

/// <summary>The device API's own bodies that other services read (compact, unlike the registry file's <see cref="DevicesJsonContext"/>).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(LoRaWanDirectory))]
internal sealed partial class DevicesApiJsonContext : JsonSerializerContext;
