using System.Text.Json.Serialization;

namespace SmartOverhalla.Alerts;

/// <summary>The alert's one JSON shape, for the webhook body and the state file (the API writes the same record).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = false)]
[JsonSerializable(typeof(Alert))]
[JsonSerializable(typeof(List<Alert>))]
public sealed partial class AlertJsonContext : JsonSerializerContext;
