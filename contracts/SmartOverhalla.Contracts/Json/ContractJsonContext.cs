using System.Text.Json.Serialization;
using SmartOverhalla.Contracts.Messages;

namespace SmartOverhalla.Contracts.Json;

/// <summary>
/// Source-generated System.Text.Json metadata for every payload of the device contract:
/// camelCase names, enums as camelCase strings, RFC 3339 UTC times, nulls left out.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true,
    Converters = [typeof(Rfc3339UtcConverter), typeof(CamelCaseEnumConverter<Spreading>), typeof(CamelCaseEnumConverter<DeviceState>), typeof(CamelCaseEnumConverter<AckResult>)])]
[JsonSerializable(typeof(StreetlightTelemetry))]
[JsonSerializable(typeof(WatermeterTelemetry))]
[JsonSerializable(typeof(PloughTelemetry))]
[JsonSerializable(typeof(DeviceEvent))]
[JsonSerializable(typeof(DeviceStatus))]
[JsonSerializable(typeof(DeviceCommand))]
[JsonSerializable(typeof(SetDimCommand))]
[JsonSerializable(typeof(CommandAck))]
public sealed partial class ContractJsonContext : JsonSerializerContext;
