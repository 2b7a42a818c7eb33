using SmartOverhalla.Contracts.Messages;
using SmartOverhalla.Contracts.Topics;
using SmartOverhalla.Influx;

namespace SmartOverhalla.Ingestion.Pipeline;

/// <summary>
/// Maps a validated contract message to its InfluxDB point: fields named as in the payload, tags
/// <c>municipality</c> and <c>device</c>, and the device's own timestamp, so a re-delivered message
/// overwrites itself instead of doubling (design.md, "Device time").
/// </summary>
public static class PointMapper
{
    public static PointData Map(DeviceTopic topic, IDeviceMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var point = message switch
        {
            StreetlightTelemetry t => PointData.Measurement(Measurements.Streetlight)
                .Field("dimLevel", (long)t.DimLevel)
                .Field("powerW", t.PowerW)
                .Field("energyKWh", t.EnergyKWh)
                .Field("lampOn", t.LampOn),
            WatermeterTelemetry t => PointData.Measurement(Measurements.Watermeter)
                .Field("volumeL", t.VolumeL)
                .Field("flowLph", t.FlowLph)
                .Field("waterTempC", t.WaterTempC)
                .Field("batteryPct", (long)t.BatteryPct)
                // The nested alarms object is flattened: InfluxDB fields are flat, and a dotted key would
                // need quoting in every dashboard query.
                .Field("alarmLeak", t.Alarms.Leak)
                .Field("alarmBurst", t.Alarms.Burst)
                .Field("alarmBackflow", t.Alarms.Backflow)
                .Field("alarmDry", t.Alarms.Dry)
                .Field("alarmTamper", t.Alarms.Tamper)
                .Field("alarmLowBattery", t.Alarms.LowBattery),
            PloughTelemetry t => PointData.Measurement(Measurements.Plough)
                .Field("lat", t.Lat)
                .Field("lon", t.Lon)
                .Field("speedKmh", t.SpeedKmh)
                .Field("headingDeg", t.HeadingDeg)
                .Field("ploughDown", t.PloughDown)
                .Field("spreading", SpreadingName(t.Spreading))
                .Field("hdop", t.Hdop),
            DeviceEvent e => PointData.Measurement(Measurements.DeviceEvent)
                .Tag(Measurements.KindTag, TopicNames.Of(topic.Kind))
                .Tag("type", e.Type)
                .Field("count", 1L)
                .Field("detail", e.Detail ?? string.Empty),
            DeviceStatus s => PointData.Measurement(Measurements.DeviceStatus)
                .Tag(Measurements.KindTag, TopicNames.Of(topic.Kind))
                .Field("online", s.State == DeviceState.Online),
            CommandAck a => MapAck(topic, a),
            _ => throw new ArgumentException($"No mapping for {message.GetType().Name}.", nameof(message)),
        };

        return point
            .Tag(Measurements.MunicipalityTag, topic.Municipality)
            .Tag(Measurements.DeviceTag, topic.DeviceId)
            .Timestamp(message.Ts);
    }

    private static PointData MapAck(DeviceTopic topic, CommandAck ack)
    {
        var point = PointData.Measurement(Measurements.CommandAck)
            .Tag(Measurements.KindTag, TopicNames.Of(topic.Kind))
            .Tag("result", ack.Result == AckResult.Applied ? "applied" : "rejected")
            .Field("cmdId", ack.CmdId);
        if (ack.AppliedLevel is { } level)
        {
            point.Field("appliedLevel", (long)level);
        }

        if (!string.IsNullOrEmpty(ack.Reason))
        {
            point.Field("reason", ack.Reason);
        }

        return point;
    }

    private static string SpreadingName(Spreading spreading) => spreading switch
    {
        Spreading.Salt => "salt",
        Spreading.Sand => "sand",
        _ => "none",
    };
}
