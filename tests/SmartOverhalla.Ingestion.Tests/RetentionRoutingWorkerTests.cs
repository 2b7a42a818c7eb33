using System.Buffers;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using SmartOverhalla.Contracts.Messages;
using SmartOverhalla.Influx;
using SmartOverhalla.Ingestion.Spool;
using SmartOverhalla.Testing;
using SmartOverhalla.Testing.Servers;

namespace SmartOverhalla.Ingestion.Tests;

/// <summary>Where the worker puts raw water readings (retention policy water_raw), on a real Mosquitto and InfluxDB.</summary>
public sealed class RetentionRoutingWorkerTests(MosquittoFixture mosquitto, InfluxFixture influx)
    : IClassFixture<MosquittoFixture>, IClassFixture<InfluxFixture>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_spool_record_of_the_previous_version_replays_into_the_default_policy_and_a_new_one_into_its_sections_policies()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var h = new IngestionHarness(mosquitto.Server.Host, mosquitto.Server.Port, influx.Url);
        var ts = NanosecondsOf(TimeProvider.System.GetUtcNow().AddMinutes(-10));

        // Given a spool left behind with two records: one as the previous version wrote it (plain line protocol, no
        // policy), and one as this version writes it (a default section, then a water_raw section)
        var spoolDirectory = Path.Combine(h.SpoolDirectory, "ingestion-" + h.Municipality);
        using (var spool = new BatchSpool(new SpoolOptions(), spoolDirectory, NullLogger<BatchSpool>.Instance))
        {
            var old = Encoding.UTF8.GetBytes(Line("watermeter", "old-m", "volumeL=1.5", ts) + Line("streetlight", "old-l", "dimLevel=5i", ts));
            Assert.True(spool.TryAppend(old, 2));
            var current = new ArrayBufferWriter<byte>();
            SpoolPayload.Write(
                [
                    new RoutedPoints(null, [Point("streetlight", "new-l", ts)]),
                    new RoutedPoints("water_raw", [Point("watermeter", "new-m", ts)]),
                ],
                current);
            Assert.True(spool.TryAppend(current.WrittenSpan, 2));
        }

        // When the worker starts on it
        await h.StartWorkerAsync(ct);

        // Then the old record's points are where the previous version put them (the default policy), and the new one's
        // water reading is in water_raw
        await Eventually.UntilAsync(
            async c => await h.Influx.CountAsync("streetlight", "dimLevel", c) == 2 && await CountAsync(h, "\"water_raw\".\"watermeter\"", c) == 1,
            Deadline,
            "both records replayed",
            ct);
        Assert.Equal(["old-m"], await DevicesAsync(h, "\"autogen\".\"watermeter\"", ct));
        Assert.Equal(["new-m"], await DevicesAsync(h, "\"water_raw\".\"watermeter\"", ct));
        Assert.Equal(["new-l", "old-l"], await DevicesAsync(h, "\"autogen\".\"streetlight\"", ct));
        Assert.Empty(await DevicesAsync(h, "\"water_raw\".\"streetlight\"", ct));
        h.Logs!.AssertNoUnexpectedErrors();
    }

    [Fact]
    public async Task A_reading_older_than_its_policy_becomes_a_counted_storage_reject_and_the_rest_of_its_batch_is_stored()
    {
        var ct = TestContext.Current.CancellationToken;

        // Given raw readings kept 1 hour (InfluxDB's minimum), and batches of exactly three messages
        await using var h = new IngestionHarness(mosquitto.Server.Host, mosquitto.Server.Port, influx.Url, new Dictionary<string, string?>
        {
            ["Water:Retention:RawReadings"] = "01:00:00",
            ["Ingestion:BatchSize"] = "3",
            ["Ingestion:ReceiveMaximum"] = "10",
            ["Ingestion:BatchInterval"] = "00:00:10",
        });
        await h.StartWorkerAsync(ct);
        var now = TimeProvider.System.GetUtcNow();

        // When one batch holds a reading from 3 hours ago (valid: Validation:MaxAge is 400 days), a fresh one and a light
        await h.PublishAsync(h.Topic("watermeter", "m-old"), Meter("m-old", now.AddHours(-3)), ct);
        await h.PublishAsync(h.Topic("watermeter", "m-new"), Meter("m-new", now.AddMinutes(-1)), ct);
        await h.PublishAsync(h.Topic("streetlight", "l-1"), IngestionHarness.Light("l-1", now.AddMinutes(-1), 30), ct);

        // Then the old reading is a reject with InfluxDB's reason, counted, and the other two are stored
        await Eventually.UntilAsync(
            async c => await h.Influx.CountAsync("ingestion_reject", "count", c) == 1,
            Deadline,
            "the reject",
            ct);
        var reject = Assert.Single(await h.Influx.RowsAsync("SELECT * FROM \"ingestion_reject\"", ct));
        Assert.Equal("storage-rejected", reject.Series.GetString(reject.Row, "reason"));
        Assert.Contains("points beyond retention policy", reject.Series.GetString(reject.Row, "problems"), StringComparison.Ordinal);
        Assert.Contains("/watermeter/m-old", reject.Series.GetString(reject.Row, "topic"), StringComparison.Ordinal);
        Assert.Equal(["m-new"], await DevicesAsync(h, "\"water_raw\".\"watermeter\"", ct));
        Assert.Equal(["l-1"], await DevicesAsync(h, "\"autogen\".\"streetlight\"", ct));
        await Eventually.UntilAsync(
            async c => (await h.Influx.RowsAsync("SELECT last(\"rejected\") FROM \"platform_ingestion\"", c)) is [var row] && row.Series.GetInt64(row.Row, "last") == 1,
            Deadline,
            "self-metrics counting one reject",
            ct);

        // (the batch was refused as a whole first, then written one by one: that is logged as an error, event 7)
        h.Logs!.AssertNoUnexpectedErrors(e => e.EventId.Id == 7 && e.Message.Contains("points beyond retention policy", StringComparison.Ordinal));
    }

    private static WatermeterTelemetry Meter(string id, DateTimeOffset ts) =>
        new(id, ts, 1000.5, 3.5, 7.5, 90, new WatermeterAlarms(false, false, false, false, false, false));

    private static long NanosecondsOf(DateTimeOffset time) => (time - DateTimeOffset.UnixEpoch).Ticks * TimeSpan.NanosecondsPerTick;

    private static string Line(string measurement, string device, string field, long ts) =>
        string.Create(CultureInfo.InvariantCulture, $"{measurement},device={device} {field} {ts}\n");

    private static PointData Point(string measurement, string device, long ts)
    {
        var point = PointData.Measurement(measurement).Tag("device", device).TimestampNs(ts);
        return measurement == "watermeter" ? point.Field("volumeL", 2.5) : point.Field("dimLevel", 6L);
    }

    private static async Task<long> CountAsync(IngestionHarness h, string from, CancellationToken ct) =>
        (await h.Influx.RowsAsync($"SELECT count(\"volumeL\") FROM {from}", ct)) is [var row] ? row.Series.GetInt64(row.Row, "count") ?? 0 : 0;

    private static async Task<string[]> DevicesAsync(IngestionHarness h, string from, CancellationToken ct) =>
        [.. (await h.Influx.RowsAsync($"SELECT * FROM {from}", ct)).Select(r => r.Series.GetString(r.Row, "device")!).Order(StringComparer.Ordinal)];
}
