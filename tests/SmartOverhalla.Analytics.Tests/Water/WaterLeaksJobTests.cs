using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SmartOverhalla.Alerts.Reports;
using SmartOverhalla.Analytics.Jobs;
using SmartOverhalla.Analytics.Tests.Support;
using SmartOverhalla.Analytics.Water.Leaks;
using SmartOverhalla.DerivedSeries.Water;
using SmartOverhalla.Influx;
using SmartOverhalla.Testing.Servers;
using SmartOverhalla.Time;
using SmartOverhalla.Water.Leaks;
using SmartOverhalla.Water.Registry;
using static SmartOverhalla.Testing.Lighting.SyntheticLight;

namespace SmartOverhalla.Analytics.Tests.Water;

/// <summary>
/// The leak job against a real InfluxDB, its directory and alert central a gateway stub. District d02 (CET), readings every
/// 15 minutes from 00:00 on 13 January to 06:00 on the 15th; every household draws 10 L/h from 06:00 to 23:00 and nothing
/// at night (flow-free hours), and:
/// <list type="bullet">
/// <item><c>n1</c>: just that.</item>
/// <item><c>l1</c>: a running toilet, 20 L/h more from 02:20 on the 14th to 04:00 on the 15th. The rule sees its first
/// flowing interval at 02:15 (within one reporting interval); 24 whole hours without a flow-free hour are complete with the
/// 02:00 reading on the 15th (window ending 02:15): 20 L/h (the least of its whole hours: the nights) × 23.75 h = 475 L.
/// At 03:00: 495 L. The hour from 04:00 is flow-free again: over at 04:00, 20 × 25.75 = 515 L.</item>
/// <item><c>b1</c>: a burst, 1,500 L/h more from 14:00 to 15:00 on the 14th (1,510 L/h in all, above half of the 2,500 L/h
/// nominal flow): 30 minutes of it are seen with the 14:30 reading (window ending 14:45): 755 L; over at 15:00, 1,510 L.</item>
/// </list>
/// A window reads its readings before its end, so a window sees up to the reading 15 minutes before its end.
/// </summary>
public sealed class WaterLeaksJobTests(InfluxFixture influxServer) : IClassFixture<InfluxFixture>
{
    private const string District = "d02";
    private static readonly DateTimeOffset LeakSince = Oslo(2026, 1, 14, 2, 15);
    private static readonly DateTimeOffset BurstSince = Oslo(2026, 1, 14, 14);

    [Fact]
    public async Task A_leak_and_a_burst_are_kept_and_raised_once_with_their_start_updated_and_cleared_and_a_normal_household_raises_nothing()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var town = await CreateTownAsync(ct);
        await using var app = await AnalyticsTestHost.StartAsync(town.AnalyticsSettings(), new FakeTimeProvider(Oslo(2026, 1, 16)), ct, start: false);
        var job = app.Services.GetRequiredService<WaterLeaksJob>();
        await job.RefreshAsync(ct);
        var series = new WaterSuspicionSeries(town.Influx.Writer, town.Influx.Query);

        // The burst: 15 minutes of it are not a burst yet; 30 are; then it is over.
        Assert.Empty(await RunAsync(job, town, Oslo(2026, 1, 14, 14, 30), ct));
        var raised = Assert.Single(await RunAsync(job, town, Oslo(2026, 1, 14, 14, 45), ct));
        AssertActive(raised, "b1", "burst", BurstSince, at: Oslo(2026, 1, 14, 14, 30), litres: 755, rate: 1_510);
        var over = await RunAsync(job, town, Oslo(2026, 1, 14, 15, 30), ct);
        Assert.Equal(2, over.Count);
        AssertActive(over[0], "b1", "burst", BurstSince, at: Oslo(2026, 1, 14, 15), litres: 1_510, rate: 1_510);
        Assert.Equal(("b1", "burst", AlertReportState.Cleared, Oslo(2026, 1, 14, 15)), (over[1].Device, over[1].Type, over[1].State, over[1].At));

        // The leak: not after 23 whole hours, raised after 24, then updated with the litres lost so far.
        Assert.DoesNotContain(await RunAsync(job, town, Oslo(2026, 1, 15, 2), ct), r => r.Device == "l1");
        var leak = Assert.Single(await RunAsync(job, town, Oslo(2026, 1, 15, 2, 15), ct), r => r.Device == "l1");
        AssertActive(leak, "l1", "leak", LeakSince, at: Oslo(2026, 1, 15, 2), litres: 475, rate: 20);
        Assert.Contains("l1", leak.Detail, StringComparison.Ordinal);
        Assert.Contains(District, leak.Detail, StringComparison.Ordinal);
        Assert.StartsWith("Måler", leak.Detail, StringComparison.Ordinal);
        var update = Assert.Single(await RunAsync(job, town, Oslo(2026, 1, 15, 3, 15), ct), r => r.Device == "l1");
        AssertActive(update, "l1", "leak", LeakSince, at: Oslo(2026, 1, 15, 3), litres: 495, rate: 20);
        var stored = Assert.Single(await series.ReadAsync(town.Municipality, Oslo(2026, 1, 15), Oslo(2026, 1, 15, 4), District, ct), r => r.Device == "l1");
        Assert.Equal((LeakSince, true, 495.0), (stored.Suspicion.Since, stored.Suspicion.Ongoing, Math.Round(stored.Suspicion.LitresLost, 6)));

        // And over at 04:00, the first flow-free hour: reported up to its end and cleared there.
        var ended = (await RunAsync(job, town, Oslo(2026, 1, 15, 5, 15), ct)).Where(r => r.Device == "l1").ToList();
        Assert.Equal(2, ended.Count);
        AssertActive(ended[0], "l1", "leak", LeakSince, at: Oslo(2026, 1, 15, 4), litres: 515, rate: 20);
        Assert.Equal((AlertReportState.Cleared, Oslo(2026, 1, 15, 4)), (ended[1].State, ended[1].At));

        // Then: water_suspicion holds exactly one point per problem, the leak's and the burst's, with their final figures.
        var rows = await town.Influx.RowsAsync(
            $"SELECT \"ongoing\", \"until\", \"litresLost\", \"rateLph\", \"source\" FROM {WaterSuspicionSeries.From} WHERE \"municipality\" = {InfluxQl.QuoteString(town.Municipality)} GROUP BY \"device\", \"kind\"",
            ct);
        Assert.Equal(["b1/burst", "l1/leak"], rows.Select(r => $"{r.Series.Tags["device"]}/{r.Series.Tags["kind"]}").Order(StringComparer.Ordinal));
        var leakRow = rows.Single(r => r.Series.Tags["device"] == "l1");
        Assert.Equal(LeakSince, leakRow.Series.GetTime(leakRow.Row));
        Assert.Equal((false, 515.0, 20.0, "rule"), (leakRow.Series.GetBoolean(leakRow.Row, "ongoing")!.Value, Math.Round(leakRow.Series.GetDouble(leakRow.Row, "litresLost")!.Value, 6), Math.Round(leakRow.Series.GetDouble(leakRow.Row, "rateLph")!.Value, 6), leakRow.Series.GetString(leakRow.Row, "source")));
        Assert.Equal(Oslo(2026, 1, 15, 4), DateTimeOffset.Parse(leakRow.Series.GetString(leakRow.Row, "until")!, System.Globalization.CultureInfo.InvariantCulture));
        var burstRow = rows.Single(r => r.Series.Tags["device"] == "b1");
        Assert.Equal((BurstSince, 1_510.0), (burstRow.Series.GetTime(burstRow.Row), Math.Round(burstRow.Series.GetDouble(burstRow.Row, "litresLost")!.Value, 6)));

        // And the normal household was never reported.
        Assert.DoesNotContain(town.Gateway.Reports, r => r.Device == "n1");
        app.Logs.AssertNoUnexpectedErrors();
    }

    [Fact]
    public async Task A_suspicion_whose_start_moves_with_a_late_reading_leaves_no_stale_point_behind()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var town = await CreateTownAsync(ct);
        await using var app = await AnalyticsTestHost.StartAsync(town.AnalyticsSettings(), new FakeTimeProvider(Oslo(2026, 1, 16)), ct, start: false);
        var job = app.Services.GetRequiredService<WaterLeaksJob>();
        await job.RefreshAsync(ct);

        // Given: b1's 14:00 reading has not arrived, so 13:45–14:15 averages 760 L/h (not a burst) and the burst is
        // computed from 14:15: stored since 14:15 with 3 × 377.5 = 1,132.5 L.
        var held = Oslo(2026, 1, 14, 14);
        await town.Influx.Query.QueryAsync(
            $"DELETE FROM \"watermeter\" WHERE \"device\" = 'b1' AND time >= {InfluxQl.FormatTime(held)} AND time <= {InfluxQl.FormatTime(held)}", ct);
        await RunAsync(job, town, Oslo(2026, 1, 14, 15, 30), ct);
        var series = new WaterSuspicionSeries(town.Influx.Writer, town.Influx.Query);
        var before = Assert.Single(await series.ReadAsync(town.Municipality, Oslo(2026, 1, 14), Oslo(2026, 1, 15), District, ct));
        Assert.Equal((Oslo(2026, 1, 14, 14, 15), 1_132.5), (before.Suspicion.Since, Math.Round(before.Suspicion.LitresLost, 6)));

        // When: the reading arrives late and the next window runs.
        await town.WriteReadingsAsync("b1", [(held, Volume("b1", held))], ct);
        await RunAsync(job, town, Oslo(2026, 1, 14, 15, 45), ct);

        // Then: one point, at the true start; the one at 14:15 is gone.
        var after = Assert.Single(await series.ReadAsync(town.Municipality, Oslo(2026, 1, 14), Oslo(2026, 1, 15), District, ct));
        Assert.Equal((BurstSince, 1_510.0), (after.Suspicion.Since, Math.Round(after.Suspicion.LitresLost, 6)));
        Assert.Equal(1, await town.Influx.CountAsync(WaterSuspicionSeries.Measurement, "litresLost", ct, retentionPolicy: WaterRetention.HouseholdPolicy));
        Assert.Equal(0, await town.Influx.CountAsync(WaterSuspicionSeries.Measurement, "litresLost", ct));
        app.Logs.AssertNoUnexpectedErrors();
    }

    [Fact]
    public async Task A_leak_longer_than_the_job_may_read_back_stays_one_suspicion_since_its_start()
    {
        // A toilet runs at 20 L/h from 02:20 on the 13th and never stops; the job may read back only 26 hours (the
        // leak rule's day, the flow-free hour before it and a window), so after the first day all it can read lies inside
        // the leak, and what it computes starts at the edge of what it read, later at every window.
        var ct = TestContext.Current.CancellationToken;
        await using var town = await WaterTown.CreateAsync(influxServer.Url, ct);
        town.AddMeter("lang", MeterRole.Household, District);
        var readings = new List<(DateTimeOffset, double)>();
        var litres = 1_000.0;
        for (var t = Oslo(2026, 1, 13); t <= Oslo(2026, 1, 16, 6); t += TimeSpan.FromMinutes(15))
        {
            readings.Add((t, litres));
            var use = NorwegianTime.ToLocal(t).Hour is >= 6 and < 23 ? 10.0 : 0.0;
            var leak = t >= Oslo(2026, 1, 13, 2, 30) ? 20.0 : t >= Oslo(2026, 1, 13, 2, 15) ? 20.0 * 10 / 15 : 0;
            litres += (use + leak) / 4;
        }

        await town.WriteReadingsAsync("lang", readings, ct);
        var settings = town.AnalyticsSettings();
        settings["Water:LeakLookback"] = "1.02:00:00";
        settings["Water:MaxLeakLookback"] = "1.02:00:00";
        await using var app = await AnalyticsTestHost.StartAsync(settings, new FakeTimeProvider(Oslo(2026, 1, 17)), ct, start: false);
        var job = app.Services.GetRequiredService<WaterLeaksJob>();
        await job.RefreshAsync(ct);

        // When the job runs a window a day after the start, and then four more over two days
        foreach (var end in new[] { Oslo(2026, 1, 14, 3), Oslo(2026, 1, 14, 12), Oslo(2026, 1, 15, 3), Oslo(2026, 1, 15, 12), Oslo(2026, 1, 16, 3) })
        {
            await RunAsync(job, town, end, ct);
        }

        // Then one suspicion is stored, since the interval it began in (02:15 on the 13th), ongoing, with 20 L/h lost from
        // then to the last reading read (02:45 on the 16th): 72.5 h, 1,450 L.
        var rows = await town.Influx.RowsAsync(
            $"SELECT \"ongoing\", \"litresLost\", \"rateLph\" FROM {WaterSuspicionSeries.From} WHERE \"device\" = 'lang'", ct);
        var row = Assert.Single(rows);
        Assert.Equal(Oslo(2026, 1, 13, 2, 15), row.Series.GetTime(row.Row));
        Assert.True(row.Series.GetBoolean(row.Row, "ongoing"));
        Assert.Equal(20, row.Series.GetDouble(row.Row, "rateLph")!.Value, 6);
        Assert.Equal(1_450, row.Series.GetDouble(row.Row, "litresLost")!.Value, 6);
        app.Logs.AssertNoUnexpectedErrors();
    }

    private static void AssertActive(AlertReport report, string device, string type, DateTimeOffset since, DateTimeOffset at, double litres, double rate)
    {
        Assert.Equal(("watermeter", device, type, AlertReportState.Active), (report.Kind, report.Device, report.Type, report.State));
        Assert.Equal((since, at), (report.Since!.Value, report.At));
        Assert.Equal(litres, report.Values!["estimatedLitresLost"], 6);
        Assert.Equal(rate, report.Values["rateLph"], 6);
        Assert.Equal(WaterLeaksJob.JobName, report.Job);
    }

    /// <summary>Runs the quarter-hour window ending at <paramref name="end"/> and returns the reports it sent.</summary>
    private static async Task<List<AlertReport>> RunAsync(WaterLeaksJob job, WaterTown town, DateTimeOffset end, CancellationToken ct)
    {
        town.Gateway.ClearReports();
        await job.RunAsync(District, new JobWindow(end - WaterLeaksJob.WindowLength, end), ct);
        return [.. town.Gateway.Reports];
    }

    /// <summary>The register of <paramref name="meter"/> at <paramref name="t"/>: the integral of its flow since 00:00 on the 13th.</summary>
    private static double Volume(string meter, DateTimeOffset t)
    {
        var start = Oslo(2026, 1, 13);
        double litres = 0;
        for (var a = start; a < t; a += TimeSpan.FromMinutes(5))
        {
            // Each 5-minute step at its flow; every edge of the scenario lies on a 5-minute boundary.
            var b = a + TimeSpan.FromMinutes(5);
            var hour = NorwegianTime.ToLocal(a).Hour;
            var flow = hour is >= 6 and < 23 ? 10.0 : 0.0;
            if (meter == "l1" && a >= Oslo(2026, 1, 14, 2, 20) && a < Oslo(2026, 1, 15, 4))
            {
                flow += 20;
            }

            if (meter == "b1" && a >= BurstSince && a < Oslo(2026, 1, 14, 15))
            {
                flow += 1_500;
            }

            litres += flow * (b - a).TotalHours;
        }

        return 1_000 + litres;
    }

    private async Task<WaterTown> CreateTownAsync(CancellationToken ct)
    {
        var town = await WaterTown.CreateAsync(influxServer.Url, ct);
        foreach (var meter in new[] { "n1", "l1", "b1" })
        {
            town.AddMeter(meter, MeterRole.Household, District);
            var readings = new List<(DateTimeOffset, double)>();
            for (var t = Oslo(2026, 1, 13); t <= Oslo(2026, 1, 15, 6); t += TimeSpan.FromMinutes(15))
            {
                readings.Add((t, Volume(meter, t)));
            }

            await town.WriteReadingsAsync(meter, readings, ct);
        }

        return town;
    }
}
