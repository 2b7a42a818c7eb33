using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SmartOverhalla.Gateway.Savings;
using SmartOverhalla.Influx;
using SmartOverhalla.Testing;
using SmartOverhalla.Testing.Servers;
using SmartOverhalla.Time;
using static SmartOverhalla.Gateway.Tests.Savings.SyntheticLight;

namespace SmartOverhalla.Gateway.Tests.Savings;

/// <summary>
/// The savings service on a fake clock against a real InfluxDB filled with <see cref="SavingsTown"/>'s telemetry;
/// what it writes is read back with InfluxQL. Expected figures per day, worked out in <see cref="SavingsTown"/>:
/// nord-1 uses 6 h × 61 + 8 h × 30.5 + 2 h × 61 + 8 h × 0.5 = 736 Wh against 16 h × 61 W = 976 Wh; nord-2 496 Wh
/// against 656 Wh; sor-1 16 h × 40 + 8 h × 0.5 = 644 Wh against 16 h × 80 W = 1,280 Wh; gate-1 964 Wh against 960 Wh.
/// </summary>
public sealed class LightingSavingsSeriesTests(InfluxFixture influxServer) : IClassFixture<InfluxFixture>
{
    private const int Precision = 9;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_completed_local_day_is_written_per_zone_and_the_next_one_after_its_midnight_with_the_month_as_their_sum()
    {
        var ct = TestContext.Current.CancellationToken;
        using var town = await SavingsTown.CreateAsync(influxServer.Url, ct);

        // Given: the gateway starts at 03:00 on Thursday 15 January, so Wednesday the 14th is complete.
        var clock = new FakeTimeProvider(Oslo(2026, 1, 15, 3));
        await using var app = await SavingsGateway.StartAsync(influxServer.Url, town.Database, town.ZonesFile, clock, SavingsTown.Settings(serviceEnabled: true), ct);

        // When: the service has done its first run (the month row is written after the day's rows).
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
        app.AssertNoErrors();
    }

    [Fact]
    public async Task Computing_a_day_again_overwrites_its_rows_instead_of_adding_to_them()
    {
        var ct = TestContext.Current.CancellationToken;
        using var town = await SavingsTown.CreateAsync(influxServer.Url, ct);
        var clock = new FakeTimeProvider(Oslo(2026, 1, 16, 3));
        await using var app = await SavingsGateway.StartAsync(influxServer.Url, town.Database, town.ZonesFile, clock, SavingsTown.Settings(serviceEnabled: false), ct);
        var computation = app.Services.GetRequiredService<SavingsComputation>();

        await computation.ComputeDayAsync(SavingsTown.FirstDay, ct);
        await computation.ComputeDayAsync(SavingsTown.FirstDay, ct);

        Assert.Equal(3, await town.Influx.CountAsync("lighting_savings", "energyKWh", ct, "\"period\" = 'day'"));
        Assert.Equal(4, await town.Influx.CountAsync("lighting_savings_light", "energyKWh", ct));
        var month = await ZoneRowsAsync(town, "month", ct);
        Assert.Equal(1.232, month["nord"].Series.GetDouble(month["nord"].Row, "energyKWh")!.Value, Precision);
        app.AssertNoErrors();
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
