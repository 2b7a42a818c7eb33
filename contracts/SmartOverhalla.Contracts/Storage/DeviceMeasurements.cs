namespace SmartOverhalla.Contracts.Storage;

/// <summary>
/// InfluxDB measurements that device messages are stored in (design.md, "Time-series store"): one per device kind,
/// named as the kind, for telemetry; one shared by every kind for events, statuses and acks, with the kind as a tag.
/// Dashboards and alert rules query these names: never rename.
/// </summary>
public static class DeviceMeasurements
{
    public const string Streetlight = "streetlight";
    public const string Watermeter = "watermeter";
    public const string Plough = "plough";
    public const string DeviceEvent = "device_event";
    public const string DeviceStatus = "device_status";
    public const string CommandAck = "command_ack";
}
