using System.Text.Json.Serialization;
using SmartOverhalla.Contracts.Json;

namespace SmartOverhalla.Contracts.Tests.Catalog.Rehearsal;

/// <summary>Source-generated metadata for the rehearsal record, with the options of <see cref="ContractJsonContext"/>.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(Rfc3339UtcConverter)])]
[JsonSerializable(typeof(WatermeterTelemetryWithPressure))]
internal sealed partial class RehearsalJsonContext : JsonSerializerContext;
