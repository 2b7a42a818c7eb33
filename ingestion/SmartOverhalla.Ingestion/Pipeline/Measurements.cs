using SmartOverhalla.Contracts.Storage;
using SmartOverhalla.DevicePoints;

namespace SmartOverhalla.Ingestion.Pipeline;

/// <summary>
/// InfluxDB measurement and tag names the worker writes (design.md, "Time-series store"): one measurement
/// per device kind named as the kind, plus derived ones. Dashboards depend on these names: never rename.
/// Device measurements are defined with the message catalogue (<see cref="DeviceMeasurements"/>) and only
/// repeated here for readers of the worker's own series.
/// </summary>
public static class Measurements
{
    public const string Streetlight = DeviceMeasurements.Streetlight;
    public const string Watermeter = DeviceMeasurements.Watermeter;
    public const string Plough = DeviceMeasurements.Plough;
    public const string DeviceEvent = DeviceMeasurements.DeviceEvent;
    public const string DeviceStatus = DeviceMeasurements.DeviceStatus;
    public const string CommandAck = DeviceMeasurements.CommandAck;
    public const string Rejects = "ingestion_reject";
    public const string SelfMetrics = "platform_ingestion";

    // Tags every device point carries from its topic (the envelope), not from a payload field.
    public const string MunicipalityTag = DevicePointTags.Municipality;
    public const string DeviceTag = DevicePointTags.Device;
    public const string KindTag = DevicePointTags.Kind;
}
