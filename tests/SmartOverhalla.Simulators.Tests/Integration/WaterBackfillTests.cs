using System.Text.Json;
using Microsoft.Extensions.Hosting;
using SmartOverhalla.DerivedSeries.Water;
using SmartOverhalla.Influx;
using SmartOverhalla.Simulators.Backfill;
using SmartOverhalla.Simulators.Configuration;
using SmartOverhalla.Simulators.Tests.Support;
using SmartOverhalla.Simulators.WaterNetwork;
using SmartOverhalla.Testing;
using SmartOverhalla.Testing.Servers;

namespace SmartOverhalla.Simulators.Tests.Integration;

public sealed class WaterBackfillTests(InfluxFixture influx) : IClassFixture<InfluxFixture>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(120);

    /// <summary>Sunday 1 November 2026, 00:00 in Oslo (winter time): three whole local days.</summary>
    private static readonly DateTimeOffset From = new(2026, 10, 31, 23, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset To = From.AddDays(3);
    private static readonly DateTimeOffset LeakStart = From.AddHours(20);

    [Fact]
    public async Task A_backfill_writes_every_reading_into_water_raw_as_ingestion_would_with_a_ground_truth_that_matches_and_a_rerun_changes_nothing()
    {
        using var deadline = new CancellationTokenSource(Deadline, TimeProvider.System);
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken, deadline.Token);
        var database = TestNames.Database();
        using var folder = new TempDirectory("so-backfill-");
        var truthFile = folder.File("truth.json");
        void Configure(SimulatorOptions o)
        {
            (o.Municipality, o.DeviceIdPrefix, o.Watermeters, o.Seed) = ("overhalla", "sim", 20, 11);
            o.Water.Districts = 1;
            o.Water.BackgroundLeakageLph = 300;
            o.Water.Leaks.Add(new WaterLeakOptions { Meter = "4", Start = LeakStart, RateLph = 25 });
            o.Water.Bursts.Add(new WaterBurstOptions { Meter = "5", Start = From.AddHours(34), Duration = TimeSpan.FromHours(2), RateLph = 2400 });
            o.Water.Replacements.Add(new MeterReplacementOptions { Meter = "6", At = From.AddHours(40) });
            o.Water.GroundTruthFile = truthFile;
            (o.Backfill.From, o.Backfill.To, o.Backfill.BatchSize) = (From, To, 1000);
        }

        var settings = new Dictionary<string, string?> { ["InfluxDb:Url"] = influx.Url.ToString(), ["InfluxDb:Database"] = database };
        var network = WaterNetworkBuilder.Build(Options(Configure), From, To);
        var expected = WaterBackfill.Meters(network).Sum(m => WaterBackfill.ReadingsWithin(To - From, m.Interval, m.Phase));
        using var client = new InfluxTestClient(influx.Url, database);

        // When the backfill runs (twice: the second must write the same points over the first)
        for (var run = 1; run <= 2; run++)
        {
            using var simulator = SimulatorHost.Create(1, "overhalla", Configure, settings: settings);
            await simulator.Host.StartAsync(cancel.Token);
            await simulator.Host.WaitForShutdownAsync(cancel.Token);
            Assert.Empty(simulator.Errors);
            Assert.Contains(simulator.Logs.GetSnapshot(), r => r.Message.StartsWith($"Backfill done: {expected} points of 21 water meters written in ", StringComparison.Ordinal));

            // Then water_raw.watermeter holds exactly one point per reading (21 meters: 20 households, 1 inflow), nothing else
            Assert.Equal(expected, await CountAsync(client, WaterRetention.RawReadingsFrom, cancel.Token));
            Assert.Equal(0, await CountAsync(client, "\"watermeter\"", cancel.Token));
        }

        // And the points are shaped as ingestion writes them: tags municipality and device, the payload's fields
        var inflow = await client.RowsAsync($"SELECT \"volumeL\", \"flowLph\", \"batteryPct\", \"alarmLeak\", \"municipality\" FROM {WaterRetention.RawReadingsFrom} WHERE \"device\" = 'sim-inflow-01' ORDER BY time", cancel.Token);
        Assert.Equal(3 * 96, inflow.Count);
        Assert.All(inflow, r => Assert.Equal("overhalla", r.Series.GetString(r.Row, "municipality")));
        var devices = await client.RowsAsync($"SHOW TAG VALUES FROM {WaterRetention.RawReadingsFrom} WITH KEY = \"device\"", cancel.Token);
        Assert.Equal(21, devices.Count);

        // And the ground truth agrees with what was written: each whole day's inflow is the inflow register's rise from midnight to midnight
        await using var stream = File.OpenRead(truthFile);
        var truth = await JsonSerializer.DeserializeAsync(stream, GroundTruthJsonContext.Default.GroundTruth, cancel.Token);
        Assert.NotNull(truth);
        Assert.Equal(21, truth.Meters.Count);
        var days = truth.DistrictDays.Where(d => d.District == "dma-01").ToList();
        Assert.Equal(3, days.Count);
        Assert.All(days, d => Assert.True(d.Complete));
        var volumes = inflow.Select(r => r.Series.GetDouble(r.Row, "volumeL")!.Value).ToList();
        Assert.Equal(volumes[96] - volumes[0], days[0].InflowLitres, tolerance: 0.01);
        Assert.Equal(volumes[192] - volumes[96], days[1].InflowLitres, tolerance: 0.01);
        Assert.All(days, d => Assert.Equal(d.HouseholdLitres + d.LossLitres, d.InflowLitres, tolerance: 0.01));

        // And the losses are the background leakage, 300 L/h x 24 h = 7,200 L a day; the leak lost 25 L/h x 52 h = 1,300 L
        Assert.All(days, d => Assert.Equal(7200, d.LossLitres, tolerance: 0.01));
        var leak = Assert.Single(truth.Leaks);
        Assert.Equal(("sim-water-0004", 1300.0, false), (leak.MeterId, leak.LitresLost, leak.Drawn));
        var burst = Assert.Single(truth.Bursts);
        Assert.Equal(4800, burst.Litres, tolerance: 0.01);
        Assert.Equal(From.AddHours(40), Assert.Single(truth.Replacements).At);
    }

    private static SimulatorOptions Options(Action<SimulatorOptions> configure)
    {
        var options = new SimulatorOptions { Streetlights = 0, Ploughs = 0 };
        configure(options);
        return options;
    }

    private static async Task<long> CountAsync(InfluxTestClient client, string from, CancellationToken cancellationToken)
    {
        var rows = await client.RowsAsync($"SELECT COUNT(\"volumeL\") FROM {from}", cancellationToken);
        return rows.Count == 0 ? 0 : rows[0].Series.GetInt64(rows[0].Row, "count") ?? 0;
    }
}
