using SmartOverhalla.Contracts.Messages;
using SmartOverhalla.Contracts.Topics;
using SmartOverhalla.DevicePoints;
using SmartOverhalla.Ingestion.Pipeline;

namespace SmartOverhalla.Ingestion.Tests.Pipeline;

/// <summary>
/// Pins the InfluxDB schema the worker writes (README, "Time-series schema"): for one message of every channel the
/// worker ingests, the exact line of line protocol. Dashboards and alert rules query these measurement, tag and field
/// names and types, so any difference here is a schema change, not a refactoring.
/// </summary>
public sealed class PointSchemaTests
{
    private static readonly DateTimeOffset Ts = new(2026, 1, 15, 16, 30, 0, 250, TimeSpan.Zero);

    /// <summary><see cref="Ts"/> in nanoseconds since the Unix epoch, as line protocol writes it.</summary>
    private const string TsNs = "1768494600250000000";

    private static readonly Dictionary<string, (DeviceTopic Topic, IDeviceMessage Message, string Line)> Cases = new()
    {
        ["streetlight telemetry"] = (
            Topic(DeviceKind.Streetlight, "lys-7", MessageType.Telemetry),
            new StreetlightTelemetry("lys-7", Ts, 40, 17.5, 812.25, true),
            $"streetlight,device=lys-7,municipality=overhalla dimLevel=40i,powerW=17.5,energyKWh=812.25,lampOn=true {TsNs}"),
        ["watermeter telemetry"] = (
            Topic(DeviceKind.Watermeter, "m-1", MessageType.Telemetry),
            new WatermeterTelemetry("m-1", Ts, 1000.5, 3, 7.25, 90, new WatermeterAlarms(Leak: true, Burst: false, Backflow: true, Dry: false, Tamper: true, LowBattery: false)),
            "watermeter,device=m-1,municipality=overhalla volumeL=1000.5,flowLph=3,waterTempC=7.25,batteryPct=90i,"
            + $"alarmLeak=true,alarmBurst=false,alarmBackflow=true,alarmDry=false,alarmTamper=true,alarmLowBattery=false {TsNs}"),
        ["plough telemetry"] = (
            Topic(DeviceKind.Plough, "p-1", MessageType.Telemetry),
            new PloughTelemetry("p-1", Ts, 64.4857, 11.5319, 32.5, 274, true, Spreading.Salt, 0.9),
            $"plough,device=p-1,municipality=overhalla lat=64.4857,lon=11.5319,speedKmh=32.5,headingDeg=274,ploughDown=true,spreading=\"salt\",hdop=0.9 {TsNs}"),
        ["plough telemetry spreading sand"] = (
            Topic(DeviceKind.Plough, "p-1", MessageType.Telemetry),
            new PloughTelemetry("p-1", Ts, -1.5, -170, 0, 0, false, Spreading.Sand, 20),
            $"plough,device=p-1,municipality=overhalla lat=-1.5,lon=-170,speedKmh=0,headingDeg=0,ploughDown=false,spreading=\"sand\",hdop=20 {TsNs}"),
        ["plough telemetry spreading none"] = (
            Topic(DeviceKind.Plough, "p-1", MessageType.Telemetry),
            new PloughTelemetry("p-1", Ts, 0, 0, 1, 359.5, false, Spreading.None, 1),
            $"plough,device=p-1,municipality=overhalla lat=0,lon=0,speedKmh=1,headingDeg=359.5,ploughDown=false,spreading=\"none\",hdop=1 {TsNs}"),
        ["streetlight event"] = (
            Topic(DeviceKind.Streetlight, "lys-7", MessageType.Event),
            new DeviceEvent("lys-7", Ts, "lampFailure", "open circuit"),
            $"device_event,device=lys-7,kind=streetlight,municipality=overhalla,type=lampFailure count=1i,detail=\"open circuit\" {TsNs}"),
        ["watermeter event without detail"] = (
            Topic(DeviceKind.Watermeter, "m-1", MessageType.Event),
            new DeviceEvent("m-1", Ts, "leak"),
            $"device_event,device=m-1,kind=watermeter,municipality=overhalla,type=leak count=1i,detail=\"\" {TsNs}"),
        ["plough event"] = (
            Topic(DeviceKind.Plough, "p-1", MessageType.Event),
            new DeviceEvent("p-1", Ts, "ploughDown", string.Empty),
            $"device_event,device=p-1,kind=plough,municipality=overhalla,type=ploughDown count=1i,detail=\"\" {TsNs}"),
        ["streetlight status online"] = (
            Topic(DeviceKind.Streetlight, "lys-7", MessageType.Status),
            new DeviceStatus("lys-7", Ts, DeviceState.Online),
            $"device_status,device=lys-7,kind=streetlight,municipality=overhalla online=true {TsNs}"),
        ["watermeter status offline"] = (
            Topic(DeviceKind.Watermeter, "m-1", MessageType.Status),
            new DeviceStatus("m-1", Ts, DeviceState.Offline),
            $"device_status,device=m-1,kind=watermeter,municipality=overhalla online=false {TsNs}"),
        ["plough status"] = (
            Topic(DeviceKind.Plough, "p-1", MessageType.Status),
            new DeviceStatus("p-1", Ts, DeviceState.Online),
            $"device_status,device=p-1,kind=plough,municipality=overhalla online=true {TsNs}"),
        ["streetlight ack applied"] = (
            Topic(DeviceKind.Streetlight, "lys-7", MessageType.Ack),
            new CommandAck("lys-7", Ts, "c-1", AckResult.Applied, AppliedLevel: 60),
            $"command_ack,device=lys-7,kind=streetlight,municipality=overhalla,result=applied cmdId=\"c-1\",appliedLevel=60i {TsNs}"),
        ["streetlight ack rejected"] = (
            Topic(DeviceKind.Streetlight, "lys-7", MessageType.Ack),
            new CommandAck("lys-7", Ts, "c-2", AckResult.Rejected, Reason: "level out of range"),
            $"command_ack,device=lys-7,kind=streetlight,municipality=overhalla,result=rejected cmdId=\"c-2\",reason=\"level out of range\" {TsNs}"),
        ["streetlight ack with empty reason"] = (
            Topic(DeviceKind.Streetlight, "lys-7", MessageType.Ack),
            new CommandAck("lys-7", Ts, "c-3", AckResult.Applied, AppliedLevel: 0, Reason: string.Empty),
            $"command_ack,device=lys-7,kind=streetlight,municipality=overhalla,result=applied cmdId=\"c-3\",appliedLevel=0i {TsNs}"),
    };

    public static TheoryData<string> CaseNames() => [.. Cases.Keys];

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Map_OneMessageOfEachChannel_IsExactlyTheDocumentedLine(string name)
    {
        // Given
        var (topic, message, expected) = Cases[name];

        // When
        var line = PointMapper.Map(topic, message).ToString();

        // Then
        Assert.Equal(expected, line);
    }

    [Fact]
    public void Cases_CoverEveryChannelTheWorkerIngests()
    {
        // Every kind sends telemetry, events and status; only street lights take commands, so only they ack.
        var covered = Cases.Values.Select(c => (c.Topic.Kind, c.Topic.Message)).ToHashSet();

        Assert.Equal(10, covered.Count);
        foreach (var kind in Enum.GetValues<DeviceKind>())
        {
            Assert.Contains((kind, MessageType.Telemetry), covered);
            Assert.Contains((kind, MessageType.Event), covered);
            Assert.Contains((kind, MessageType.Status), covered);
        }

        Assert.Contains((DeviceKind.Streetlight, MessageType.Ack), covered);
    }

    private static DeviceTopic Topic(DeviceKind kind, string deviceId, MessageType message) => new("overhalla", kind, deviceId, message);
}
