using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SmartOverhalla.Alerts.Reports;
using SmartOverhalla.Analytics.Jobs;
using SmartOverhalla.Analytics.Tests.Support;
using SmartOverhalla.Analytics.Water.Consumption;
using SmartOverhalla.DerivedSeries.Water;
using SmartOverhalla.Influx;
using SmartOverhalla.Testing.Servers;
using SmartOverhalla.Time;
using SmartOverhalla.Water.Balance;
using SmartOverhalla.Water.Registry;
using static SmartOverhalla.Testing.Lighting.SyntheticLight;

namespace SmartOverhalla.Analytics.Tests.Water;

/// <summary>
/// The consumption job against a real InfluxDB, its meter directory from a gateway stub. District d01 on Wednesday
/// 14 January 2026 (CET), worked out by hand:
/// <list type="bullet">
/// <item><c>h1</c>: 1,000 L at 22:00 on the 13th, then nothing until 1,040 L at 02:00 on the 14th (a 4-hour gap: 10 L/h
/// spread, estimated: 20 L on the 13th, 20 L in the 14th's hours 00 and 01), then +5 L every hour to 1,150 L at midnight
/// (22 hours × 5 = 110 L); the 10:00 reading delivered twice. The 14th: 130 L, 20 L estimated.</item>
/// <item><c>h2</c>: 50,000 L at 00:00, +10 L/h to 50,120 L at 12:00; replaced at 13:00 by a new meter reading 7 L (a
/// reset: 7 L estimated in hour 12), then +10 L/h to 117 L at midnight. The 14th: 120 + 7 + 110 = 237 L, 7 L estimated.</item>
/// <item><c>in1</c>, the district's inflow meter: +40 L every hour: 960 L, night flow 40 L/h.</item>
/// </list>
/// District: 367 L (27 L estimated) from 2 meters; losses 960 − 367 = 593 L, 61.77 % of the inflow, 296.5 L per
/// connection. January: h1 20 + 130 = 150 L (40 estimated), h2 237 L, the district 387 L.
/// </summary>
public sealed class WaterConsumptionJobTests(InfluxFixture influxServer) : IClassFixture<InfluxFixture>
{
    private const int Precision = 9;
    private const string District = "d01";
    private static readonly DateOnly Day = new(2026, 1, 14);

    [Fact]
    public async Task A_district_day_is_written_per_meter_and_district_with_gaps_resets_and_duplicates_and_its_month_is_the_sum_of_its_days()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var town = await CreateTownAsync(ct);
        await using var app = await AnalyticsTestHost.StartAsync(town.AnalyticsSettings(), new FakeTimeProvider(Oslo(2026, 1, 16, 3)), ct, start: false);
        var job = app.Services.GetRequiredService<WaterConsumptionJob>();

        // When: the 13th and the 14th are computed (and the 14th once more: a rerun overwrites).
        await job.RefreshAsync(ct);
        Assert.Equal([District], job.Partitions());
        await RunDayAsync(job, Day.AddDays(-1), ct);
        await RunDayAsync(job, Day, ct);
        await RunDayAsync(job, Day, ct);

        // Then: each household's day, the gap and the reset estimated.
        var series = new WaterConsumptionSeries(town.Influx.Writer, town.Influx.Query);
        var h1Day = Assert.Single(await series.ReadMeterAsync(town.Municipality, "h1", WaterPeriod.Day, Midnight(Day), Midnight(Day.AddDays(1)), ct));
        Assert.Equal((130.0, 20.0), (Math.Round(h1Day.Litres, Precision), Math.Round(h1Day.EstimatedL, Precision)));
        var h2Day = Assert.Single(await series.ReadMeterAsync(town.Municipality, "h2", WaterPeriod.Day, Midnight(Day), Midnight(Day.AddDays(1)), ct));
        Assert.Equal((237.0, 7.0), (Math.Round(h2Day.Litres, Precision), Math.Round(h2Day.EstimatedL, Precision)));
        Assert.Equal(District, h2Day.District);

        // And their hours: 24 each, the gap's and the reset's litres where they belong, none negative.
        var h1Hours = await series.ReadMeterAsync(town.Municipality, "h1", WaterPeriod.Hour, Midnight(Day), Midnight(Day.AddDays(1)), ct);
        Assert.Equal(24, h1Hours.Count);
        Assert.Equal((10.0, 10.0), (h1Hours[0].Litres, h1Hours[0].EstimatedL));
        Assert.Equal((5.0, 0.0), (h1Hours[2].Litres, h1Hours[2].EstimatedL));
        var h2Hours = await series.ReadMeterAsync(town.Municipality, "h2", WaterPeriod.Hour, Midnight(Day), Midnight(Day.AddDays(1)), ct);
        Assert.Equal((7.0, 7.0), (h2Hours[12].Litres, h2Hours[12].EstimatedL));
        Assert.All(h1Hours.Concat(h2Hours), h => Assert.True(h.Litres >= 0));

        // And the district: its hours (two meters each) and its day.
        var districtHours = await series.ReadDistrictsAsync(town.Municipality, WaterPeriod.Hour, Midnight(Day), Midnight(Day.AddDays(1)), District, ct);
        Assert.Equal(24, districtHours.Count);
        Assert.Equal((20.0, 10.0, 2L), (districtHours[0].Litres, districtHours[0].EstimatedL, districtHours[0].Meters));
        Assert.Equal((12.0, 7.0, 2L), (districtHours[12].Litres, districtHours[12].EstimatedL, districtHours[12].Meters));
        var districtDay = Assert.Single(await series.ReadDistrictsAsync(town.Municipality, WaterPeriod.Day, Midnight(Day), Midnight(Day.AddDays(1)), District, ct));
        Assert.Equal((367.0, 27.0, 2L), (Math.Round(districtDay.Litres, Precision), Math.Round(districtDay.EstimatedL, Precision), districtDay.Meters));

        // And the balance: inflow − households = losses.
        var balance = Assert.Single(await new WaterBalanceSeries(town.Influx.Writer, town.Influx.Query).ReadAsync(town.Municipality, Day, Day, District, ct));
        Assert.Equal((960.0, 367.0, 2, 40.0), (balance.InflowL, Math.Round(balance.ConsumptionL, Precision), balance.Connections, balance.MinimumNightFlowLph!.Value));
        Assert.Equal(593, balance.LossesL, Precision);
        Assert.Equal(593.0 / 960 * 100, balance.LossesPercent!.Value, Precision);
        Assert.Equal(296.5, balance.LossesPerConnectionL!.Value, Precision);

        // And January is the sum of its days, per meter and for the district.
        await AssertMonthAsync(town, series, h1: (150, 40), h2: (237, 7), district: (387, 47), ct);

        // And the rerun added nothing: one day row per meter and day, one hour row per meter and hour.
        Assert.Equal(3, await MeterRowCountAsync(town, "day", ct));
        Assert.Equal(2 + 24 + 24, await MeterRowCountAsync(town, "hour", ct));
        app.Logs.AssertNoUnexpectedErrors();
    }

    [Fact]
    public async Task A_late_reading_inside_a_gap_changes_the_days_figures_when_they_are_computed_again_without_counting_anything_twice()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var town = await CreateTownAsync(ct);
        await using var app = await AnalyticsTestHost.StartAsync(town.AnalyticsSettings(), new FakeTimeProvider(Oslo(2026, 1, 16, 3)), ct, start: false);
        var job = app.Services.GetRequiredService<WaterConsumptionJob>();
        await job.RefreshAsync(ct);
        await RunDayAsync(job, Day.AddDays(-1), ct);
        await RunDayAsync(job, Day, ct);

        // When: h1's reading of 1,025 L at midnight arrives late: 22:00–00:00 used 25 L and 00:00–02:00 15 L, both regular.
        await town.WriteReadingsAsync("h1", [(Oslo(2026, 1, 14, 0), 1_025)], ct);
        await RunDayAsync(job, Day.AddDays(-1), ct);
        await RunDayAsync(job, Day, ct);

        // Then: the 13th has 25 L and the 14th 7.5 + 7.5 + 110 = 125 L, nothing estimated; January still 150 L for h1.
        var series = new WaterConsumptionSeries(town.Influx.Writer, town.Influx.Query);
        var days = await series.ReadMeterAsync(town.Municipality, "h1", WaterPeriod.Day, Midnight(Day.AddDays(-1)), Midnight(Day.AddDays(1)), ct);
        Assert.Equal([(25.0, 0.0), (125.0, 0.0)], days.Select(d => (Math.Round(d.Litres, Precision), Math.Round(d.EstimatedL, Precision))));
        var hours = await series.ReadMeterAsync(town.Municipality, "h1", WaterPeriod.Hour, Midnight(Day), Midnight(Day.AddDays(1)), ct);
        Assert.Equal((7.5, 0.0), (hours[0].Litres, hours[0].EstimatedL));
        await AssertMonthAsync(town, series, h1: (150, 0), h2: (237, 7), district: (387, 7), ct);
        var districtDay = Assert.Single(await series.ReadDistrictsAsync(town.Municipality, WaterPeriod.Day, Midnight(Day), Midnight(Day.AddDays(1)), District, ct));
        Assert.Equal(362, districtDay.Litres, Precision);
        app.Logs.AssertNoUnexpectedErrors();
    }

    [Fact]
    public async Task A_night_flow_well_above_the_districts_last_two_weeks_raises_its_alert_and_a_normal_night_clears_it()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var town = await CreateTownAsync(ct);
        await using var app = await AnalyticsTestHost.StartAsync(town.AnalyticsSettings(), new FakeTimeProvider(Oslo(2026, 1, 18, 3)), ct, start: false);
        var job = app.Services.GetRequiredService<WaterConsumptionJob>();

        // Given: fourteen earlier nights at 30 L/h (31 December to 13 January, written as the job would have), the 14th
        // at 40 L/h, and on the 15th the inflow at 300 L/h in the night hours 02 and 03 (and 40 L/h otherwise).
        var balances = new WaterBalanceSeries(town.Influx.Writer, town.Influx.Query);
        await balances.WriteAsync(town.Municipality, Enumerable.Range(1, 14).Select(i => new DistrictDay(Day.AddDays(-i), District, 720, 360, 2, 30)), ct);
        var fifteenth = Day.AddDays(1);
        var volume = 960.0;
        var inflow = new List<(DateTimeOffset, double)>();
        for (var t = Oslo(2026, 1, 15, 1); t <= Oslo(2026, 1, 17); t += TimeSpan.FromHours(1))
        {
            volume += NorwegianTime.ToLocal(t).Hour is 3 or 4 && NorwegianTime.DateAt(t) == fifteenth ? 300 : 40;
            inflow.Add((t, volume));
        }

        await town.WriteReadingsAsync("in1", inflow, ct);
        await job.RefreshAsync(ct);

        // When: the 14th, the 15th and the 16th are computed.
        await RunDayAsync(job, Day, ct);
        var afterFourteenth = town.Gateway.Reports.Count;
        await RunDayAsync(job, fifteenth, ct);
        await RunDayAsync(job, fifteenth.AddDays(1), ct);

        // Then: the 14th is 10 L/h above the median of its fourteen nights before (30): not an alarm, reported cleared.
        var reports = town.Gateway.Reports;
        Assert.Equal(1, afterFourteenth);
        Assert.Equal(AlertReportState.Cleared, reports[0].State);

        // And the 15th rose: the median of thirteen nights at 30 and one at 40 is 30; 300 L/h is 270 L/h above (≥ 200
        // L/h and ≥ 50 %): raised since 02:00, seen until 04:00, with its figures.
        var raised = reports[1];
        Assert.Equal(("waterdistrict", District, "nightFlowRise", AlertReportState.Active), (raised.Kind, raised.Device, raised.Type, raised.State));
        Assert.Equal((Oslo(2026, 1, 15, 2), Oslo(2026, 1, 15, 4)), (raised.Since!.Value, raised.At));
        Assert.Equal(300, raised.Values!["minNightFlowLph"]);
        Assert.Equal(30, raised.Values["baselineLph"]);
        Assert.Equal(270, raised.Values["riseLph"]);
        Assert.Equal(WaterConsumptionJob.JobName, raised.Job);
        Assert.Contains(District, raised.Detail, StringComparison.Ordinal);

        // And the 16th is back at 40 L/h (median still 30): cleared at 04:00.
        Assert.Equal((AlertReportState.Cleared, Oslo(2026, 1, 16, 4)), (reports[2].State, reports[2].At));
        Assert.Equal(3, reports.Count);
        app.Logs.AssertNoUnexpectedErrors();
    }

    private static DateTimeOffset Midnight(DateOnly date) => LocalDay.MidnightOf(date);

    /// <summary>How many per-meter rows of <paramref name="period"/> there are, read apart from the series' own reader.</summary>
    private static async Task<long> MeterRowCountAsync(WaterTown town, string period, CancellationToken ct)
    {
        var rows = await town.Influx.RowsAsync(
            $"SELECT count(\"litres\") FROM \"{WaterRetention.HouseholdPolicy}\".\"{WaterConsumptionSeries.MeterMeasurement}\" WHERE \"period\" = {InfluxQl.QuoteString(period)}", ct);
        return rows.Count == 0 ? 0 : rows[0].Series.GetInt64(rows[0].Row, "count") ?? 0;
    }

    private static Task RunDayAsync(WaterConsumptionJob job, DateOnly date, CancellationToken ct)
    {
        var day = LocalDay.Of(date);
        return job.RunAsync(District, new JobWindow(day.Start, day.End), ct);
    }

    private static async Task AssertMonthAsync(
        WaterTown town, WaterConsumptionSeries series, (double L, double Est) h1, (double L, double Est) h2, (double L, double Est) district, CancellationToken ct)
    {
        var january = Midnight(new DateOnly(2026, 1, 1));
        var february = Midnight(new DateOnly(2026, 2, 1));
        var h1Month = Assert.Single(await series.ReadMeterAsync(town.Municipality, "h1", WaterPeriod.Month, january, february, ct));
        var h2Month = Assert.Single(await series.ReadMeterAsync(town.Municipality, "h2", WaterPeriod.Month, january, february, ct));
        var districtMonth = Assert.Single(await series.ReadDistrictsAsync(town.Municipality, WaterPeriod.Month, january, february, District, ct));
        Assert.Equal(january, districtMonth.Start);
        Assert.Equal(h1, (Math.Round(h1Month.Litres, Precision), Math.Round(h1Month.EstimatedL, Precision)));
        Assert.Equal(h2, (Math.Round(h2Month.Litres, Precision), Math.Round(h2Month.EstimatedL, Precision)));
        Assert.Equal(district, (Math.Round(districtMonth.Litres, Precision), Math.Round(districtMonth.EstimatedL, Precision)));
        Assert.Equal(2, districtMonth.Meters);
    }

    /// <summary>The town of the class comment: h1, h2 and in1 in d01, and a meter of another municipality the directory leaves out.</summary>
    private async Task<WaterTown> CreateTownAsync(CancellationToken ct)
    {
        var town = await WaterTown.CreateAsync(influxServer.Url, ct);
        town.AddMeter("h1", MeterRole.Household, District);
        town.AddMeter("h2", MeterRole.Household, District);
        town.AddMeter("in1", MeterRole.DistrictInflow, District);
        town.Gateway.Directory.Add(("elsewhere", "x1", MeterRoles.Household, "d99"));

        List<(DateTimeOffset, double)> h1 = [(Oslo(2026, 1, 13, 22), 1_000)];
        for (var hour = 2; hour <= 24; hour++)
        {
            h1.Add((Oslo(2026, 1, 14).AddHours(hour), 1_040 + ((hour - 2) * 5)));
        }

        h1.Add((Oslo(2026, 1, 14, 10), 1_080));
        List<(DateTimeOffset, double)> h2 = [];
        for (var hour = 0; hour <= 24; hour++)
        {
            h2.Add((Oslo(2026, 1, 14).AddHours(hour), hour <= 12 ? 50_000 + (hour * 10) : 7 + ((hour - 13) * 10)));
        }

        await town.WriteReadingsAsync("h1", h1, ct);
        await town.WriteReadingsAsync("h2", h2, ct);
        await town.WriteReadingsAsync("in1", Enumerable.Range(0, 25).Select(hour => (Oslo(2026, 1, 14).AddHours(hour), hour * 40.0)), ct);
        return town;
    }
}
