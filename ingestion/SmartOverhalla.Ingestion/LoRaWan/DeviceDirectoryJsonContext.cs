using System.Text.Json;
using System.Text.Json.Serialization;

namespace SmartOverhalla.Ingestion.LoRaWan;

/// <summary>Source-generated JSON of the DevEUI list.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(DeviceDirectoryResponse))]
internal sealed partial class DeviceDirectoryJsonContext : JsonSerializerContext;
