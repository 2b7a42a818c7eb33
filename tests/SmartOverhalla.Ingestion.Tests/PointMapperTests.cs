using System.Text;
using SmartOverhalla.Contracts.Messages;
using SmartOverhalla.Contracts.Topics;
using SmartOverhalla.DevicePoints;
using SmartOverhalla.Influx;
using SmartOverhalla.Ingestion.Pipeline;

namespace SmartOverhalla.Ingestion.Tests;

public sealed class PointMapperTests
{
    private static readonly DateTimeOffset Ts = new(2026, 1, 15, 16, 30, 0, 250, TimeSpan.Zero);

    private static string Encode(PointData point)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        LineProtocolWriter.Write(point, buffer);
        return Encoding.UTF8.GetString(buffer.WrittenSpan).TrimEnd('\n');
    }

    private static long Nanoseconds(DateTimeOffset ts) => (ts.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) * 100;

    [Fact]
    public void Map_StreetlightTelemetry_WritesKindMeasurementTagsTypedFieldsAndDeviceTime()
    {
        var topic = new DeviceTopic("overhalla", DeviceKind.Streetlight, "lys-7", MessageType.Telemetry);

        var line = Encode(PointMapper.Map(topic, new StreetlightTelemetry("lys-7", Ts, 40, 17.5, 812.25, true)));

        Assert.Equal($"streetlight,device=lys-7,municipality=overhalla dimLevel=40i,powerW=17.5,energyKWh=812.25,lampOn=true {Nanoseconds(Ts)}", line);
    }

    [Fact]
    public void Map_WatermeterTelemetry_FlattensAlarmsIntoBooleanFields()
    {
        var topic = new DeviceTopic("overhalla", DeviceKind.Watermeter, "m-1", MessageType.Telemetry);
        var alarms = new WatermeterAlarms(Leak: false, Burst: true, Backflow: false, Dry: false, Tamper: true, LowBattery: false);

        var point = PointMapper.Map(topic, new WatermeterTelemetry("m-1", Ts, 1000.5, 3, 7, 90, alarms));

        var fields = point.Fields.ToArray().ToDictionary(f => f.Key, f => f.Value.ToObject());
        Assert.Equal(true, fields["alarmBurst"]);
        Assert.Equal(true, fields["alarmTamper"]);
        Assert.Equal(false, fields["alarmLeak"]);
        Assert.Equal(90L, fields["batteryPct"]);
        Assert.Equal(Nanoseconds(Ts), point.TimestampNanoseconds);
    }

    [Fact]
    public void Map_DeviceEvent_TagsKindAndTypeSoDashboardsCanGroupByThem()
    {
        var topic = new DeviceTopic("overhalla", DeviceKind.Streetlight, "lys-7", MessageType.Event);

        var line = Encode(PointMapper.Map(topic, new DeviceEvent("lys-7", Ts, "lampFailure")));

        Assert.StartsWith("device_event,device=lys-7,kind=streetlight,municipality=overhalla,type=lampFailure count=1i,detail=\"\" ", line);
    }

    [Fact]
    public void Map_CommandAckWithoutLevel_LeavesOutTheMissingField()
    {
        var topic = new DeviceTopic("overhalla", DeviceKind.Streetlight, "lys-7", MessageType.Ack);

        var point = PointMapper.Map(topic, new CommandAck("lys-7", Ts, "c-1", AckResult.Rejected, Reason: "level out of range"));

        var keys = point.Fields.ToArray().Select(f => f.Key).ToArray();
        Assert.Equal(["cmdId", "reason"], keys);
        Assert.Contains(point.Tags.ToArray(), t => t.Key == "result" && t.Value == "rejected");
    }

    [Fact]
    public void Map_RecordOfAnotherTopic_ThrowsArgumentExceptionInsteadOfStoringItUnderTheWrongSeries()
    {
        var topic = new DeviceTopic("overhalla", DeviceKind.Watermeter, "m-1", MessageType.Telemetry);

        var exception = Assert.Throws<ArgumentException>(() => PointMapper.Map(topic, new StreetlightTelemetry("m-1", Ts, 40, 17.5, 812.25, true)));

        Assert.Contains("StreetlightTelemetry", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Map_AckOfAWaterMeter_ThrowsArgumentExceptionBecauseOnlyStreetLightsAck()
    {
        var topic = new DeviceTopic("overhalla", DeviceKind.Watermeter, "m-1", MessageType.Ack);

        Assert.Throws<ArgumentException>(() => PointMapper.Map(topic, new CommandAck("m-1", Ts, "c-1", AckResult.Applied)));
    }

    [Fact]
    public void Map_SameMessageTwice_GivesIdenticalLinesSoRedeliveryOverwrites()
    {
        var topic = new DeviceTopic("overhalla", DeviceKind.Plough, "p-1", MessageType.Telemetry);
        var message = new PloughTelemetry("p-1", Ts, 64.5, 11.9, 30, 90, true, Spreading.Sand, 1.1);

        Assert.Equal(Encode(PointMapper.Map(topic, message)), Encode(PointMapper.Map(topic, message)));
    }
}
