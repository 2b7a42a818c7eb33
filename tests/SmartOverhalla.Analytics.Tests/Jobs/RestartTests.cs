using System.Globalization;
using SmartOverhalla.Analytics.Jobs;
using SmartOverhalla.Analytics.Lighting;
using SmartOverhalla.Analytics.Tests.Support;
using SmartOverhalla.Influx;
using SmartOverhalla.Testing;
using SmartOverhalla.Testing.Lighting;
using SmartOverhalla.Testing.Servers;
using SmartOverhalla.Time;
using static SmartOverhalla.Testing.Lighting.SyntheticLight;

namespace SmartOverhalla.Analytics.Tests.Jobs;

/// <summary>
/// The analytics host as a real process on the real clock, killed with SIGKILL in the middle of a window and started
/// again, against a real InfluxDB.
/// </summary>
public sealed class RestartTests(InfluxFixture influxServer) : IClassFixture<InfluxFixture>, IDisposable
{
    /// <summary>Enough lights, each read and written on its own, that one window takes a second or more.</summary>
    private const int Lights = 200;

    private const int Days = 4;
    private const double Watts = 30;
    private const double DefaultRatedWatts = 60;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);
    private readonly TempDirectory _directory = new("so-analytics-restart-");

    [Fact]
    public async Task A_job_killed_mid_window_and_restarted_resumes_from_its_watermark_and_writes_each_derived_point_once()
    {
        var ct = TestContext.Current.CancellationToken;

        // Given: 200 lights of zone nord, lit all day at 30 W (50 %, never 100 %: their baseline is the default 60 W),
        // read every 10 minutes over the four days before today.
        var municipality = TestNames.Municipality();
        using var influx = new InfluxTestClient(influxServer.Url, TestNames.Database());
        await influx.Schema.EnsureDatabaseAsync(ct);
        var today = NorwegianTime.DateAt(TimeProvider.System.GetUtcNow());
        var days = Enumerable.Range(1, Days).Select(i => LocalDay.Of(today.AddDays(i - Days - 1))).ToList();
        await WriteTelemetryAsync(influx, municipality, days[0].Start.AddHours(-1), days[^1].End.AddHours(1), ct);
        var environment = Environment(influx, municipality, await SavingsTown.WriteZonesFileAsync(_directory, municipality, ct));

        // When: the host runs, and is killed while zone nord's second day is half written.
        var lightRowsOfDay2 = 0L;
        using (var first = AnalyticsProcess.Start(environment, _directory.File("first.log")))
        {
            await Eventually.UntilAsync(
                async c =>
                {
                    Assert.False(first.HasExited, "The analytics host exited: " + string.Join('\n', first.Lines().TakeLast(20)));
                    lightRowsOfDay2 = await LightRowsAsync(influx, days[1], c);
                    return lightRowsOfDay2 >= 10;
                },
                Patience,
                "zone nord's second day being written",
                ct);
            await first.KillAsync();
            Assert.Empty(first.ErrorLines());
        }

        // Then (the precondition): day 1 was done, day 2 was cut short, and the watermark says so.
        lightRowsOfDay2 = await LightRowsAsync(influx, days[1], ct);
        Assert.InRange(lightRowsOfDay2, 1, Lights - 1);
        Assert.Equal(days[1].Start, (await SavingsWatermarks.ReadAsync(influx, ct))["nord"].Watermark);

        // When: the host is started again.
        using var second = AnalyticsProcess.Start(environment, _directory.File("second.log"));
        await Eventually.UntilAsync(
            async c =>
            {
                Assert.False(second.HasExited, "The analytics host exited: " + string.Join('\n', second.Lines().TakeLast(20)));
                var marks = await SavingsWatermarks.ReadAsync(influx, c);
                return marks.Count == 3 && marks.Values.All(w => w.Watermark == days[^1].End);
            },
            Patience,
            "every partition computed up to today",
            ct);

        // Then: it resumed zone nord at its watermark, the start of day 2, and did not compute day 1 again...
        var log = second.Lines();
        Assert.Contains(log, l => l.Contains($"lighting-savings/nord resumes at its watermark {days[1].Start:O}", StringComparison.Ordinal));
        Assert.DoesNotContain(log, l => l.Contains($"lighting-savings/nord: window {days[0].Start:O}", StringComparison.Ordinal));
        Assert.Contains(log, l => l.Contains($"lighting-savings/nord: window {days[1].Start:O}", StringComparison.Ordinal));
        Assert.Empty(second.ErrorLines());

        // ...and every derived point exists once, with the values of an uninterrupted run: each light's day is its hours
        // at 30 W against the same hours at 60 W, each zone's day the sum of 200 lights.
        foreach (var day in days)
        {
            var lights = await influx.RowsAsync(
                $"SELECT \"energyKWh\", \"baselineKWh\" FROM \"lighting_savings_light\" WHERE \"municipality\" = {InfluxQl.QuoteString(municipality)} AND time = {InfluxQl.FormatTime(day.Start)} GROUP BY \"device\"", ct);
            Assert.Equal(Lights, lights.Count);
            Assert.All(lights, r => Assert.Equal(day.Length.TotalHours * Watts / 1000, r.Series.GetDouble(r.Row, "energyKWh")!.Value, 9));
            Assert.All(lights, r => Assert.Equal(day.Length.TotalHours * DefaultRatedWatts / 1000, r.Series.GetDouble(r.Row, "baselineKWh")!.Value, 9));
            var zone = Assert.Single(await influx.RowsAsync(
                $"SELECT \"energyKWh\", \"lights\" FROM \"lighting_savings\" WHERE \"municipality\" = {InfluxQl.QuoteString(municipality)} AND \"period\" = 'day' AND time = {InfluxQl.FormatTime(day.Start)}", ct));
            Assert.Equal(Lights, zone.Series.GetInt64(zone.Row, "lights"));
            Assert.Equal(Lights * day.Length.TotalHours * Watts / 1000, zone.Series.GetDouble(zone.Row, "energyKWh")!.Value, 6);
        }

        Assert.Equal(Lights * Days, await influx.CountAsync("lighting_savings_light", "energyKWh", ct));
        Assert.Equal(Days, await influx.CountAsync("lighting_savings", "energyKWh", ct, "\"period\" = 'day'"));
        var months = days.Select(d => LocalDay.MonthOf(d.Date)).Distinct().Count();
        Assert.Equal(months, await influx.CountAsync("lighting_savings", "energyKWh", ct, "\"period\" = 'month'"));
    }

    public void Dispose() => _directory.Dispose();

    private static Dictionary<string, string> Environment(InfluxTestClient influx, string municipality, string zonesFile) => new()
    {
        ["DOTNET_ENVIRONMENT"] = "Development",
        ["InfluxDb__Url"] = influx.Url.ToString(),
        ["InfluxDb__Database"] = influx.Database,
        ["Lighting__ZonesFile"] = zonesFile,
        ["Analytics__InstanceName"] = "analytics-restart-" + municipality,
        ["Analytics__Jobs__LightingSavings__SettleDelay"] = "00:00:00",
        ["Analytics__Jobs__LightingSavings__TrailingWindow"] = "00:00:00",
        ["Analytics__Jobs__LightingSavings__InitialLookback"] = $"{Days}.00:00:00",
        ["Lighting__Savings__LightsPerQuery"] = "1",
    };

    private static async Task WriteTelemetryAsync(InfluxTestClient influx, string municipality, DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        var points = new List<PointData>();
        for (var light = 1; light <= Lights; light++)
        {
            points.AddRange(Readings(from, to, TimeSpan.FromMinutes(10), _ => (50, Watts)).AsPoints(municipality, $"nord-{light.ToString("000", CultureInfo.InvariantCulture)}"));
            if (points.Count >= 10_000 || light == Lights)
            {
                await influx.Writer.WriteAsync(points, ct);
                points.Clear();
            }
        }
    }

    private static Task<long> LightRowsAsync(InfluxTestClient influx, LocalDay day, CancellationToken ct) =>
        influx.CountAsync("lighting_savings_light", "energyKWh", ct, $"time = {InfluxQl.FormatTime(day.Start)}");

}
