using System.Text;
using SmartOverhalla.Contracts.Messages;
using SmartOverhalla.Influx;
using SmartOverhalla.Testing;
using SmartOverhalla.Testing.Servers;

namespace SmartOverhalla.Ingestion.Tests;

/// <summary>The worker end to end on a real Mosquitto and a real InfluxDB.</summary>
public sealed class IngestionWorkerTests(MosquittoFixture mosquitto, InfluxFixture influx)
    : IClassFixture<MosquittoFixture>, IClassFixture<InfluxFixture>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    private static DateTimeOffset BaseTime()
    {
        var now = TimeProvider.System.GetUtcNow();
        return new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, TimeSpan.Zero).AddMinutes(-10);
    }

    private IngestionHarness Harness() => new(mosquitto.Server.Host, mosquitto.Server.Port, influx.Url);

    [Fact]
    public async Task Telemetry_of_every_kind_is_stored_with_the_devices_timestamp_and_values()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var h = Harness();
        await h.StartWorkerAsync(ct);
        var ts = BaseTime().AddMilliseconds(123);

        // Given one message of each kind
        await h.PublishAsync(h.Topic("streetlight", "lys-1"), new StreetlightTelemetry("lys-1", ts, 50, 21.5, 1042.25, true), ct);
        await h.PublishAsync(h.Topic("watermeter", "m-1"), new WatermeterTelemetry("m-1", ts, 123456.5, 12.25, 7.5, 88, new WatermeterAlarms(true, false, false, false, false, true)), ct);
        await h.PublishAsync(h.Topic("plough", "p-1"), new PloughTelemetry("p-1", ts, 64.4977, 11.9431, 35.5, 270.25, true, Spreading.Salt, 0.9), ct);
        await h.PublishAsync(h.Topic("streetlight", "lys-1", "event"), new DeviceEvent("lys-1", ts, "lampFailure", "no current"), ct);

        // Then each is stored once, at the device's time, with its values
        // (one write per retention policy: the water reading may arrive after the others)
        await Eventually.UntilAsync(
            async c => await h.Influx.CountAsync("device_event", "count", c) == 1 && await h.Influx.CountAsync("watermeter", "volumeL", c, retentionPolicy: "water_raw") == 1,
            Deadline,
            "the event and the water reading to be stored",
            ct);
        var light = Assert.Single(await h.Influx.RowsAsync("SELECT * FROM streetlight", ct));
        Assert.Equal(ts, light.Series.GetTime(light.Row));
        Assert.Equal(50, light.Series.GetInt64(light.Row, "dimLevel"));
        Assert.Equal(21.5, light.Series.GetDouble(light.Row, "powerW"));
        Assert.Equal(1042.25, light.Series.GetDouble(light.Row, "energyKWh"));
        Assert.True(light.Series.GetBoolean(light.Row, "lampOn"));
        Assert.Equal(h.Municipality, light.Series.GetString(light.Row, "municipality"));
        Assert.Equal("lys-1", light.Series.GetString(light.Row, "device"));

        // (raw water readings in their retention policy, nothing of them in the default one)
        var meter = Assert.Single(await h.Influx.RowsAsync("SELECT * FROM \"water_raw\".\"watermeter\"", ct));
        Assert.Empty(await h.Influx.RowsAsync("SELECT * FROM \"autogen\".\"watermeter\"", ct));
        Assert.Equal(123456.5, meter.Series.GetDouble(meter.Row, "volumeL"));
        Assert.Equal(88, meter.Series.GetInt64(meter.Row, "batteryPct"));
        Assert.True(meter.Series.GetBoolean(meter.Row, "alarmLeak"));
        Assert.False(meter.Series.GetBoolean(meter.Row, "alarmBurst"));
        Assert.True(meter.Series.GetBoolean(meter.Row, "alarmLowBattery"));

        var plough = Assert.Single(await h.Influx.RowsAsync("SELECT * FROM plough", ct));
        Assert.Equal(64.4977, plough.Series.GetDouble(plough.Row, "lat"));
        Assert.Equal(11.9431, plough.Series.GetDouble(plough.Row, "lon"));
        Assert.Equal("salt", plough.Series.GetString(plough.Row, "spreading"));
        Assert.True(plough.Series.GetBoolean(plough.Row, "ploughDown"));

        var evt = Assert.Single(await h.Influx.RowsAsync("SELECT * FROM device_event", ct));
        Assert.Equal("lampFailure", evt.Series.GetString(evt.Row, "type"));
        Assert.Equal("no current", evt.Series.GetString(evt.Row, "detail"));
        h.Logs!.AssertNoUnexpectedErrors();
    }

    [Fact]
    public async Task Malformed_and_hostile_messages_become_rejects_with_reasons_and_every_valid_message_around_them_is_stored()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var h = Harness();
        await h.StartWorkerAsync(ct);
        var ts = BaseTime();

        // Given valid messages with a malformed one, a hostile one and an out-of-range one between them
        for (var i = 0; i < 10; i++)
        {
            await h.PublishAsync(h.Topic("streetlight", "lys-1"), IngestionHarness.Light("lys-1", ts.AddSeconds(i), 10 * i), ct);
            if (i == 3)
            {
                await h.PublishRawAsync(h.Topic("streetlight", "lys-1"), Encoding.UTF8.GetBytes("{\"deviceId\":\"lys-1\",\"ts\":"), ct);
            }
            else if (i == 5)
            {
                await h.PublishRawAsync(h.Topic("streetlight", "x,evil=1 value=0"), Encoding.UTF8.GetBytes("{}"), ct);
            }
            else if (i == 7)
            {
                await h.PublishAsync(h.Topic("streetlight", "lys-1"), IngestionHarness.Light("lys-1", ts.AddSeconds(100), 140), ct);
            }
        }

        // Then the ten valid ones are stored and the three others are rejects, each with its reason
        await Eventually.UntilAsync(
            async c => await h.Influx.CountAsync("ingestion_reject", "count", c) == 3 && await h.Influx.CountAsync("streetlight", "dimLevel", c) == 10,
            Deadline,
            "10 stored messages and 3 rejects",
            ct);
        var reasons = (await h.Influx.RowsAsync("SELECT * FROM ingestion_reject", ct))
            .Select(r => r.Series.GetString(r.Row, "reason") ?? string.Empty)
            .Order(StringComparer.Ordinal)
            .ToArray();
        Assert.Equal(["field-range", "json-malformed", "topic-invalid"], reasons);
        var series = await h.Influx.RowsAsync("SHOW SERIES", ct);
        Assert.DoesNotContain(series, r => r.Series.GetValue(r.Row, 0).GetString()!.Contains("evil=1", StringComparison.Ordinal));
        var dims = (await h.Influx.RowsAsync("SELECT dimLevel FROM streetlight", ct)).Select(r => r.Series.GetInt64(r.Row, "dimLevel")).ToArray();
        Assert.Equal(Enumerable.Range(0, 10).Select(i => (long?)(10 * i)), dims);
        h.Logs!.AssertNoUnexpectedErrors();
    }

    [Fact]
    public async Task A_redelivered_message_is_stored_once()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var h = Harness();
        await h.StartWorkerAsync(ct);
        var ts = BaseTime();

        // Given the same message published three times, then a sentinel
        var message = IngestionHarness.Light("lys-2", ts, 70);
        await h.PublishAsync(h.Topic("streetlight", "lys-2"), message, ct);
        await h.PublishAsync(h.Topic("streetlight", "lys-2"), message, ct);
        await h.PublishAsync(h.Topic("streetlight", "lys-2"), message, ct);
        await h.PublishAsync(h.Topic("streetlight", "sentinel"), IngestionHarness.Light("sentinel", ts, 1), ct);

        // Then once the sentinel is stored there is exactly one point for the message
        await Eventually.UntilAsync(async c => await h.Influx.CountAsync("streetlight", "dimLevel", c, "device = 'sentinel'") == 1, Deadline, "the sentinel", ct);
        Assert.Equal(1, await h.Influx.CountAsync("streetlight", "dimLevel", ct, "device = 'lys-2'"));
        Assert.Equal(4, await WaitForSelfMetricsAsync(h, 4, ct));
    }

    [Fact]
    public async Task Messages_published_while_the_worker_is_away_are_stored_when_it_returns()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var h = Harness();
        await h.StartWorkerAsync(ct);
        await h.StopWorkerAsync();
        var ts = BaseTime();

        // Given 200 messages published while the worker is stopped (its persistent session keeps them)
        for (var i = 0; i < 200; i++)
        {
            await h.PublishAsync(h.Topic("streetlight", "lys-" + (i % 10)), IngestionHarness.Light("lys-" + (i % 10), ts.AddSeconds(i / 10), i % 101), ct);
        }

        // When it starts again, Then all 200 are stored
        await h.StartWorkerAsync(ct);
        await Eventually.UntilAsync(async c => await h.Influx.CountAsync("streetlight", "dimLevel", c) == 200, Deadline, "200 points", ct);
        h.Logs!.AssertNoUnexpectedErrors();
    }

    private static async Task<long?> WaitForSelfMetricsAsync(IngestionHarness h, long atLeast, CancellationToken ct)
    {
        long? received = null;
        await Eventually.UntilAsync(
            async c =>
            {
                var rows = await h.Influx.RowsAsync("SELECT received FROM platform_ingestion ORDER BY time DESC LIMIT 1", c);
                received = rows.Count == 1 ? rows[0].Series.GetInt64(rows[0].Row, "received") : null;
                return received >= atLeast;
            },
            Deadline,
            "self-metrics counting the received messages",
            ct);
        return received;
    }
}
