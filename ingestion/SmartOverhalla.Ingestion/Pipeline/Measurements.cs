namespace SmartOverhalla.Ingestion.Pipeline;

/// <summary>
/// InfluxDB measurement and tag names the worker writes (design.md, "Time-series store"): one measurement
/// per device kind named as the kind, plus derived ones. Dashboards depend on these names: never rename.
/// </summary>
public static class Measurements
{
    public const string Streetlight = "streetlight";
    public const string Watermeter = "watermeter";
    public const string Plough = "plough";
    public const string DeviceEvent = "device_event";
    public const string DeviceStatus = "device_status";
    public const string CommandAck = "command_ack";
    public const string Rejects = "ingestion_reject";
    public const string SelfMetrics = "platform_ingestion";

    public const string MunicipalityTag = "municipality";
    public const string DeviceTag = "device";
    public const string KindTag = "kind";
}
