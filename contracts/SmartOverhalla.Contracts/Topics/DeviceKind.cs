namespace SmartOverhalla.Contracts.Topics;

/// <summary>The kinds of device on the platform; the topic segment and the InfluxDB measurement share the name.</summary>
public enum DeviceKind
{
    Streetlight,
    Watermeter,
    Plough,
}
