using System.Text.Json.Serialization;
using SmartOverhalla.Gateway.Water.Notices;
using SmartOverhalla.Gateway.Water.Registry;

namespace SmartOverhalla.Gateway.Water;

/// <summary>The water side's files (meter registry, notices) and the notice webhook's body.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, WriteIndented = true, UseStringEnumConverter = true)]
[JsonSerializable(typeof(MeterRegistryContent))]
[JsonSerializable(typeof(NoticeFileContent))]
[JsonSerializable(typeof(NoticeMessage))]
internal sealed partial class WaterJsonContext : JsonSerializerContext;
