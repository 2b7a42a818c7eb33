using System.Text.Json.Serialization;

namespace SmartOverhalla.Alerts.Reports;

/// <summary>The reports' JSON, as the analytics host sends them and the gateway reads them.</summary>
[JsonSourceGenerationOptions(System.Text.Json.JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(AlertReportBatch))]
[JsonSerializable(typeof(AlertReportResult))]
public sealed partial class AlertReportJsonContext : JsonSerializerContext;
