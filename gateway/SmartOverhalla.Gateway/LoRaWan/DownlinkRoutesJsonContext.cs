using System.Text.Json.Serialization;

namespace SmartOverhalla.Gateway.LoRaWan;

/// <summary>Source-generated JSON of the downlink routes file (enums as their names).</summary>
[JsonSourceGenerationOptions(UseStringEnumConverter = true, WriteIndented = true)]
[JsonSerializable(typeof(Dictionary<string, DownlinkRoute>))]
internal sealed partial class DownlinkRoutesJsonContext : JsonSerializerContext;
