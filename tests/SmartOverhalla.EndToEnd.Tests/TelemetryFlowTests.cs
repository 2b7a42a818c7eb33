using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using SmartOverhalla.Contracts.Messages;
using SmartOverhalla.DerivedSeries.Water;
using SmartOverhalla.Influx;
using SmartOverhalla.Testing;
using SmartOverhalla.Testing.Servers;

namespace SmartOverhalla.EndToEnd.Tests;

/// <summary>
/// Simulators → broker → ingestion → InfluxDB, once through the gateway's embedded broker and once
/// through Mosquitto: every message the devices published is read back exactly, and a malformed and a
/// hostile message in the stream end up as rejects.
/// </summary>
public sealed class TelemetryFlowTests(MosquittoFixture mosquitto, InfluxFixture influx)
    : IClassFixture<MosquittoFixture>, IClassFixture<InfluxFixture>
{
    private const int Lights = 4;
    private const int Meters = 3;
    private const int Ploughs = 2;
    private const int MessagesPerDevice = 5;
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Through_the_embedded_broker_every_simulated_message_is_stored_exactly_and_bad_ones_are_rejected()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var platform = new PlatformUnderTest(influx.Url);
        var brokerPort = await platform.StartGatewayWithEmbeddedBrokerAsync(ct);

        await RunFlowAsync(platform, "127.0.0.1", brokerPort, ct);

        using var http = new HttpClient { BaseAddress = platform.GatewayUrl };
        using var health = await http.GetAsync(new Uri("health", UriKind.Relative), ct);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public async Task With_device_identity_on_every_simulated_device_logs_in_as_itself_and_every_message_is_stored_exactly()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var platform = new PlatformUnderTest(influx.Url);
        var settings = await platform.SecureFleetSettingsAsync(
            o =>
            {
                (o.Streetlights, o.Watermeters, o.Ploughs) = (Lights, Meters, Ploughs);
                o.DeviceIdPrefix = SmartOverhalla.Simulators.Configuration.SimulatorOptions.DefaultDeviceIdPrefix;
            },
            ct);
        settings["Broker:Accounts:Ingestion:Password"] = PlatformUnderTest.IngestionPassword;
        var port = await platform.StartGatewayWithEmbeddedBrokerAsync(ct, settings: settings);

        await platform.StartIngestionAsync("127.0.0.1", port, ct, secured: true);
        await platform.RunSimulatorsAsync("127.0.0.1", port, Lights, Meters, Ploughs, MessagesPerDevice, ct, platform.FleetKey).WaitAsync(Deadline, ct);

        var published = platform.Published.Of<StreetlightTelemetry>().Count() + platform.Published.Of<WatermeterTelemetry>().Count() + platform.Published.Of<PloughTelemetry>().Count();
        Assert.Equal((Lights + Meters + Ploughs) * MessagesPerDevice, published);
        await Eventually.UntilAsync(
            async c => await platform.Influx.CountAsync("streetlight", "dimLevel", c) == Lights * MessagesPerDevice
                       && await platform.Influx.CountAsync("watermeter", "volumeL", c, retentionPolicy: WaterRetention.RawPolicy) == Meters * MessagesPerDevice
                       && await platform.Influx.CountAsync("plough", "lat", c) == Ploughs * MessagesPerDevice,
            Deadline,
            "every message of the logged-in fleet in InfluxDB",
            ct);
        var metrics = platform.GatewayServices!.GetRequiredService<SmartOverhalla.Gateway.Broker.BrokerMetrics>();
        Assert.Equal(0, metrics.ConnectionsRefusedTotal);
        Assert.Equal(0, metrics.PublishesRefusedTotal);
        platform.Logs.AssertNoUnexpectedErrors();
    }

    [Fact]
    public async Task Through_Mosquitto_every_simulated_message_is_stored_exactly_and_bad_ones_are_rejected()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var platform = new PlatformUnderTest(influx.Url);

        await RunFlowAsync(platform, mosquitto.Server.Host, mosquitto.Server.Port, ct);
    }

    private static async Task RunFlowAsync(PlatformUnderTest platform, string host, int port, CancellationToken ct)
    {
        // Given the ingestion worker listening
        await platform.StartIngestionAsync(host, port, ct);

        // When the simulated fleet publishes, with a malformed and a hostile message in the stream
        var simulation = platform.RunSimulatorsAsync(host, port, Lights, Meters, Ploughs, MessagesPerDevice, ct);
        await Eventually.UntilAsync(() => platform.Published.Of<StreetlightTelemetry>().Any(), Deadline, "the first simulated telemetry", ct);
        await using (var intruder = new RawPublisher(host, port))
        {
            await intruder.PublishAsync($"smartcity/v1/{platform.Municipality}/streetlight/sim-light-0001/telemetry", "{\"deviceId\":\"sim-light-0001\",\"dimLevel\":", ct);
            await intruder.PublishAsync($"smartcity/v1/{platform.Municipality}/watermeter/m1,evil=1 value=0/telemetry", "{\"deviceId\":\"m1,evil=1 value=0\"}", ct);
        }

        await simulation;

        // Then InfluxDB holds exactly what was published, and the two bad messages as rejects
        var lights = platform.Published.Of<StreetlightTelemetry>().ToList();
        var meters = platform.Published.Of<WatermeterTelemetry>().ToList();
        var ploughs = platform.Published.Of<PloughTelemetry>().ToList();
        Assert.Equal(Lights * MessagesPerDevice, lights.Count);
        Assert.Equal(Meters * MessagesPerDevice, meters.Count);
        Assert.Equal(Ploughs * MessagesPerDevice, ploughs.Count);
        await Eventually.UntilAsync(
            async c => await platform.Influx.CountAsync("streetlight", "dimLevel", c) == lights.Count
                       && await platform.Influx.CountAsync("watermeter", "volumeL", c, retentionPolicy: WaterRetention.RawPolicy) == meters.Count
                       && await platform.Influx.CountAsync("plough", "lat", c) == ploughs.Count
                       && await platform.Influx.CountAsync("ingestion_reject", "count", c) == 2,
            Deadline,
            "every published message and the two rejects in InfluxDB",
            ct);

        var storedLights = await ByDeviceAndTimeAsync(platform.Influx, "streetlight", ct);
        foreach (var sent in lights)
        {
            var (series, row) = storedLights[(sent.DeviceId, sent.Ts)];
            Assert.Equal(sent.DimLevel, series.GetInt64(row, "dimLevel"));
            Assert.Equal(sent.PowerW, series.GetDouble(row, "powerW"));
            Assert.Equal(sent.EnergyKWh, series.GetDouble(row, "energyKWh"));
            Assert.Equal(sent.LampOn, series.GetBoolean(row, "lampOn"));
        }

        var storedMeters = await ByDeviceAndTimeAsync(platform.Influx, "watermeter", ct, WaterRetention.RawPolicy);
        foreach (var sent in meters)
        {
            var (series, row) = storedMeters[(sent.DeviceId, sent.Ts)];
            Assert.Equal(sent.VolumeL, series.GetDouble(row, "volumeL"));
            Assert.Equal(sent.FlowLph, series.GetDouble(row, "flowLph"));
            Assert.Equal(sent.WaterTempC, series.GetDouble(row, "waterTempC"));
            Assert.Equal(sent.BatteryPct, series.GetInt64(row, "batteryPct"));
            Assert.Equal(sent.Alarms.Leak, series.GetBoolean(row, "alarmLeak"));
        }

        var storedPloughs = await ByDeviceAndTimeAsync(platform.Influx, "plough", ct);
        foreach (var sent in ploughs)
        {
            var (series, row) = storedPloughs[(sent.DeviceId, sent.Ts)];
            Assert.Equal(sent.Lat, series.GetDouble(row, "lat"));
            Assert.Equal(sent.Lon, series.GetDouble(row, "lon"));
            Assert.Equal(sent.SpeedKmh, series.GetDouble(row, "speedKmh"));
            Assert.Equal(sent.HeadingDeg, series.GetDouble(row, "headingDeg"));
            Assert.Equal(sent.PloughDown, series.GetBoolean(row, "ploughDown"));
            Assert.Equal(sent.Spreading.ToString().ToLowerInvariant(), series.GetString(row, "spreading"));
            Assert.Equal(sent.Hdop, series.GetDouble(row, "hdop"));
        }

        var reasons = (await platform.Influx.RowsAsync("SELECT * FROM ingestion_reject", ct))
            .Select(r => r.Series.GetString(r.Row, "reason") ?? string.Empty)
            .Order(StringComparer.Ordinal)
            .ToArray();
        Assert.Equal(["json-malformed", "topic-invalid"], reasons);
        platform.Logs.AssertNoUnexpectedErrors();
    }

    private static async Task<Dictionary<(string Device, DateTimeOffset Ts), (InfluxSeries Series, int Row)>> ByDeviceAndTimeAsync(
        InfluxTestClient influx, string measurement, CancellationToken ct, string? retentionPolicy = null)
    {
        var from = (retentionPolicy is null ? string.Empty : InfluxQl.QuoteIdentifier(retentionPolicy) + ".") + InfluxQl.QuoteIdentifier(measurement);
        var rows = await influx.RowsAsync($"SELECT * FROM {from}", ct);
        return rows.ToDictionary(r => (r.Series.GetString(r.Row, "device")!, r.Series.GetTime(r.Row)));
    }
}
