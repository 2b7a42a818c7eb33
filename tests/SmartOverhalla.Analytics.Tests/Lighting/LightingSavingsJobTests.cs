using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SmartOverhalla.Analytics.Jobs;
using SmartOverhalla.Analytics.Lighting;
using SmartOverhalla.Analytics.Tests.Support;
using SmartOverhalla.Influx;
using SmartOverhalla.Testing;
using SmartOverhalla.Testing.Lighting;
using SmartOverhalla.Testing.Servers;
using SmartOverhalla.Time;
using static SmartOverhalla.Testing.Lighting.SyntheticLight;

namespace SmartOverhalla.Analytics.Tests.Lighting;

/// <summary>
/// The savings job in the analytics host on a fake clock against a real InfluxDB filled with <see cref="SavingsTown"/>'s
/// telemetry; what it writes is read back with InfluxQL. The figures are those the gateway computed before the job
/// moved here, unchanged. Expected figures per day, worked out in <see cref="SavingsTown"/>:
/// nord-1 uses 6 h × 61 + 8 h × 30.5 + 2 h × 61 + 8 h × 0.5 = 736 Wh against 16 h × 61 W = 976 Wh; nord-2 496 Wh
/// against 656 Wh; sor-1 16 h × 40 + 8 h × 0.5 = 644 Wh against 16 h × 80 W = 1,280 Wh; gate-1 964 Wh against 960 Wh.
/// </summary>
public sealed class LightingSavingsJobTests(InfluxFixture influxServer) : IClassFixture<InfluxFixture>
{
    private const int Precision = 9;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_completed_local_day_is_written_per_zone_and_the_next_one_after_its_midnight_with_the_month_as_their_sum()
    {
        var ct = TestContext.Current.CancellationToken;
        using var town = await SavingsTown.CreateAsync(influxServer.Url, ct);

        // Given: the analytics host starts at 03:00 on Thursday 15 January, so Wednesday the 14th is complete.
        var clock = new FakeTimeProvider(Oslo(2026, 1, 15, 3));
        await using var app = await AnalyticsTestHost.StartAsync(town.AnalyticsSettings(influxServer.Url, jobEnabled: true), clock, ct);

        // When: the job has done its first run (the month row is written after the day's rows).
        await Eventually.UntilAsync(async c => (await ZoneRowsAsync(town, "month", c)).Count == 3, Patience, "the month rows of January 14", ct);

        // Then: the 14th per zone, priced at 1.50 NOK/kWh and 0.02 kg CO₂e/kWh.
        var day14 = await ZoneRowsAsync(town, "day", ct);
        Assert.Equal(["_unzoned", "nord", "sor"], day14.Keys.Order(StringComparer.Ordinal));
        AssertRow(day14["nord"], LocalDay.MidnightOf(SavingsTown.FirstDay), energy: 1.232, baseline: 1.632, saved: 0.400, nok: 0.600, co2: 0.008, lights: 2, litHours: 32);
        AssertRow(day14["sor"], LocalDay.MidnightOf(SavingsTown.FirstDay), energy: 0.644, baseline: 1.280, saved: 0.636, nok: 0.954, co2: 0.01272, lights: 1, litHours: 16);
        AssertRow(day14["_unzoned"], LocalDay.MidnightOf(SavingsTown.FirstDay), energy: 0.964, baseline: 0.960, saved: -0.004, nok: -0.006, co2: -0.00008, lights: 1, litHours: 16);

        // And each light's day, with where its power at 100 % came from.
        var lights = await town.Influx.RowsAsync(
            $"SELECT * FROM \"lighting_savings_light\" WHERE \"municipality\" = {InfluxQl.QuoteString(town.Municipality)} GROUP BY \"device\"", ct);
        var byDevice = lights.ToDictionary(r => r.Series.Tags["device"], StringComparer.Ordinal);
        Assert.Equal(4, byDevice.Count);
        Assert.Equal(61, byDevice["nord-1"].Series.GetDouble(byDevice["nord-1"].Row, "ratedPowerW"));
        Assert.Equal("learned", byDevice["nord-1"].Series.GetString(byDevice["nord-1"].Row, "ratedPowerSource"));
        Assert.Equal(0.24, byDevice["nord-1"].Series.GetDouble(byDevice["nord-1"].Row, "savedKWh")!.Value, Precision);
        Assert.Equal(80, byDevice["sor-1"].Series.GetDouble(byDevice["sor-1"].Row, "ratedPowerW"));
        Assert.Equal("zone", byDevice["sor-1"].Series.GetString(byDevice["sor-1"].Row, "ratedPowerSource"));

        // And not the 15th, which has not ended.
        Assert.Empty(await ZoneRowsAsync(town, "day", ct, SavingsTown.FirstDay.AddDays(1)));

        // And the watermark of every zone is the end of the 14th.
        await Eventually.UntilAsync(
            async c => await SavingsWatermarks.ReadAsync(town.Influx, c) is { Count: 3 } marks && marks.Values.All(w => w.Watermark == LocalDay.MidnightOf(SavingsTown.FirstDay.AddDays(1))),
            Patience,
            "the watermarks at the end of January 14",
            ct);

        // When: the clock passes midnight after the 15th (and the settle delay).
        clock.Advance(TimeSpan.FromDays(1));

        // Then: the 15th is written, and each month row is the sum of both days.
        await Eventually.UntilAsync(async c => (await ZoneRowsAsync(town, "day", c, SavingsTown.FirstDay.AddDays(1))).Count == 3, Patience, "the rows of January 15", ct);
        await Eventually.UntilAsync(
            async c => (await ZoneRowsAsync(town, "month", c)).TryGetValue("nord", out var row) && Math.Abs(row.Series.GetDouble(row.Row, "energyKWh")!.Value - 2.464) < 1e-9,
            Patience,
            "the January rows summing both days",
            ct);
        var month = await ZoneRowsAsync(town, "month", ct);
        var january = LocalDay.MidnightOf(new DateOnly(2026, 1, 1));
        AssertRow(month["nord"], january, energy: 2.464, baseline: 3.264, saved: 0.800, nok: 1.200, co2: 0.016, lights: 2, litHours: 64);
        AssertRow(month["sor"], january, energy: 1.288, baseline: 2.560, saved: 1.272, nok: 1.908, co2: 0.02544, lights: 1, litHours: 32);
        AssertRow(month["_unzoned"], january, energy: 1.928, baseline: 1.920, saved: -0.008, nok: -0.012, co2: -0.00016, lights: 1, litHours: 32);
        app.Logs.AssertNoUnexpectedErrors();
    }

    [Fact]
    public async Task Computing_a_day_again_overwrites_its_rows_instead_of_adding_to_them()
    {
        var ct = TestContext.Current.CancellationToken;
        using var town = await SavingsTown.CreateAsync(influxServer.Url, ct);
        var clock = new FakeTimeProvider(Oslo(2026, 1, 16, 3));
        await using var app = await AnalyticsTestHost.StartAsync(town.AnalyticsSettings(influxServer.Url, jobEnabled: false), clock, ct, start: false);
        var job = app.Services.GetRequiredService<LightingSavingsJob>();
        var day = LocalDay.Of(SavingsTown.FirstDay);

        foreach (var partition in job.Partitions())
        {
            await job.RunAsync(partition, new JobWindow(day.Start, day.End), ct);
            await job.RunAsync(partition, new JobWindow(day.Start, day.End), ct);
        }

        Assert.Equal(3, await town.Influx.CountAsync("lighting_savings", "energyKWh", ct, "\"period\" = 'day'"));
        Assert.Equal(4, await town.Influx.CountAsync("lighting_savings_light", "energyKWh", ct));
        var month = await ZoneRowsAsync(town, "month", ct);
        Assert.Equal(1.232, month["nord"].Series.GetDouble(month["nord"].Row, "energyKWh")!.Value, Precision);
        app.Logs.AssertNoUnexpectedErrors();
    }

    [Fact]
    public async Task Readings_that_arrive_late_inside_the_trailing_window_change_the_derived_value_at_the_next_run()
    {
        var ct = TestContext.Current.CancellationToken;
        using var town = await SavingsTown.CreateAsync(influxServer.Url, ct);

        // Given: gate-1's readings from 20:10 to 21:50 on the 15th have not arrived (lit at 60 W then), so the two hours
        // from 20:00 to 22:00 are unknown: neither their 0.12 kWh nor their lit time count.
        var fifteenth = SavingsTown.FirstDay.AddDays(1);
        var gap = (From: Oslo(2026, 1, 15, 20), To: Oslo(2026, 1, 15, 22));
        var held = await town.Influx.RowsAsync(
            $"SELECT * FROM \"streetlight\" WHERE \"municipality\" = {InfluxQl.QuoteString(town.Municipality)} AND \"device\" = 'gate-1' AND time > {InfluxQl.FormatTime(gap.From)} AND time < {InfluxQl.FormatTime(gap.To)}",
            ct);
        Assert.Equal(11, held.Count);
        await town.Influx.Query.QueryAsync(
            $"DELETE FROM \"streetlight\" WHERE \"device\" = 'gate-1' AND time > {InfluxQl.FormatTime(gap.From)} AND time < {InfluxQl.FormatTime(gap.To)}", ct);

        // And the job ran at 03:00 on the 16th: gate-1's 15th is 0.964 − 0.12 = 0.844 kWh with 2 unknown hours.
        var clock = new FakeTimeProvider(Oslo(2026, 1, 16, 3));
        await using var app = await AnalyticsTestHost.StartAsync(town.AnalyticsSettings(influxServer.Url, jobEnabled: true), clock, ct);
        await Eventually.UntilAsync(async c => await LightDayAsync(town, "gate-1", fifteenth, c) is not null, Patience, "gate-1's row of January 15", ct);
        var before = (await LightDayAsync(town, "gate-1", fifteenth, ct))!.Value;
        Assert.Equal(0.844, before.EnergyKWh, Precision);
        Assert.Equal(2, before.UnknownHours, Precision);

        // When: the readings arrive late (a radio network's backlog), and the next run comes an hour later, with the 15th
        // inside the two-day trailing window.
        await town.Influx.Writer.WriteAsync([.. held.Select(r => PointData.Measurement("streetlight")
            .Tag("municipality", town.Municipality)
            .Tag("device", "gate-1")
            .Field("dimLevel", r.Series.GetInt64(r.Row, "dimLevel")!.Value)
            .Field("powerW", r.Series.GetDouble(r.Row, "powerW")!.Value)
            .Field("energyKWh", r.Series.GetDouble(r.Row, "energyKWh")!.Value)
            .Field("lampOn", r.Series.GetBoolean(r.Row, "lampOn")!.Value)
            .Timestamp(r.Series.GetTime(r.Row)))], ct);
        clock.Advance(TimeSpan.FromHours(1));

        // Then: the 15th is computed again with them: 0.964 kWh, nothing unknown; and the zone row with it (written after).
        await Eventually.UntilAsync(
            async c => (await ZoneRowsAsync(town, "day", c, fifteenth)).TryGetValue("_unzoned", out var zone) && Math.Abs(zone.Series.GetDouble(zone.Row, "energyKWh")!.Value - 0.964) < 1e-9,
            Patience,
            "the _unzoned zone's January 15 computed again with the late readings",
            ct);
        Assert.Equal(0.964, (await LightDayAsync(town, "gate-1", fifteenth, ct))!.Value.EnergyKWh, Precision);
        Assert.Equal(0, (await LightDayAsync(town, "gate-1", fifteenth, ct))!.Value.UnknownHours, Precision);
        app.Logs.AssertNoUnexpectedErrors();
    }

    private static async Task<(double EnergyKWh, double UnknownHours)?> LightDayAsync(SavingsTown town, string device, DateOnly day, CancellationToken ct)
    {
        var rows = await town.Influx.RowsAsync(
            $"SELECT \"energyKWh\", \"unknownHours\" FROM \"lighting_savings_light\" WHERE \"municipality\" = {InfluxQl.QuoteString(town.Municipality)} AND \"device\" = {InfluxQl.QuoteString(device)} AND time = {InfluxQl.FormatTime(LocalDay.MidnightOf(day))}",
            ct);
        return rows.Count == 0 ? null : (rows[0].Series.GetDouble(rows[0].Row, "energyKWh")!.Value, rows[0].Series.GetDouble(rows[0].Row, "unknownHours")!.Value);
    }


    /// <summary>The rows of <paramref name="period"/> by zone; day rows of <paramref name="day"/> (default: the first day).</summary>
    private static async Task<Dictionary<string, (InfluxSeries Series, int Row)>> ZoneRowsAsync(SavingsTown town, string period, CancellationToken ct, DateOnly? day = null)
    {
        var time = period == "day" ? $" AND time = {InfluxQl.FormatTime(LocalDay.MidnightOf(day ?? SavingsTown.FirstDay))}" : string.Empty;
        var rows = await town.Influx.RowsAsync(
            $"SELECT * FROM \"lighting_savings\" WHERE \"municipality\" = {InfluxQl.QuoteString(town.Municipality)} AND \"period\" = {InfluxQl.QuoteString(period)}{time} GROUP BY \"zone\"",
            ct);
        return rows.ToDictionary(r => r.Series.Tags["zone"], StringComparer.Ordinal);
    }

    private static void AssertRow(
        (InfluxSeries Series, int Row) row, DateTimeOffset time, double energy, double baseline, double saved, double nok, double co2, long lights, double litHours)
    {
        var (series, index) = row;
        Assert.Equal(time, series.GetTime(index));
        Assert.Equal(energy, series.GetDouble(index, "energyKWh")!.Value, Precision);
        Assert.Equal(baseline, series.GetDouble(index, "baselineKWh")!.Value, Precision);
        Assert.Equal(saved, series.GetDouble(index, "savedKWh")!.Value, Precision);
        Assert.Equal(nok, series.GetDouble(index, "savedNok")!.Value, Precision);
        Assert.Equal(co2, series.GetDouble(index, "savedCo2Kg")!.Value, Precision);
        Assert.Equal(lights, series.GetInt64(index, "lights"));
        Assert.Equal(litHours, series.GetDouble(index, "litHours")!.Value, Precision);
        Assert.Equal(0, series.GetDouble(index, "unknownHours")!.Value, Precision);
    }
}
