using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SmartOverhalla.Analytics.Jobs;
using SmartOverhalla.Analytics.Lighting;
using SmartOverhalla.Analytics.Telemetry;
using SmartOverhalla.Analytics.Tests.Support;
using SmartOverhalla.Influx;
using SmartOverhalla.Testing;
using SmartOverhalla.Testing.Lighting;
using SmartOverhalla.Testing.Servers;
using static SmartOverhalla.Testing.Lighting.SyntheticLight;

namespace SmartOverhalla.Analytics.Tests;

/// <summary>How the analytics host starts, reports itself and lives without InfluxDB.</summary>
public sealed class AnalyticsHostingTests(InfluxFixture influxServer) : IClassFixture<InfluxFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Theory]
    [InlineData("Lighting:Savings:PricePerKWhNok", "-1", "Lighting:Savings:PricePerKWhNok:")]
    [InlineData("Analytics:InstanceIndex", "2", "Analytics:InstanceIndex: must be less than Analytics:InstanceCount (1)")]
    [InlineData("Analytics:Jobs:LightingSavings:Interval", "00:00:00", "Analytics:Jobs:LightingSavings:Interval:")]
    [InlineData("Analytics:InstanceName", "no spaces please", "Analytics:InstanceName:")]
    public async Task An_invalid_setting_stops_the_start_naming_it(string key, string value, string named)
    {
        var ct = TestContext.Current.CancellationToken;
        using var town = await SavingsTown.CreateAsync(influxServer.Url, ct);
        var settings = town.AnalyticsSettings(influxServer.Url, jobEnabled: true);
        settings[key] = value;

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => AnalyticsTestHost.StartAsync(settings, new FakeTimeProvider(Oslo(2026, 1, 16, 3)), ct));

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_InfluxDB_the_job_warns_and_tries_again_at_its_next_run()
    {
        var ct = TestContext.Current.CancellationToken;
        using var town = await SavingsTown.CreateAsync(influxServer.Url, ct);
        var settings = town.AnalyticsSettings(new Uri($"http://127.0.0.1:{FreeTcpPort.Next()}/"), jobEnabled: true);
        var clock = new FakeTimeProvider(Oslo(2026, 1, 16, 3));
        await using var app = await AnalyticsTestHost.StartAsync(settings, clock, ct);
        // 5014, "did not run": the database and its retention policies cannot be made sure of before the job reads anything.
        int Failures() => app.Logs.Entries.Count(e => e.EventId.Id == 5014 && e.Level == LogLevel.Warning && e.Message.StartsWith($"Job {LightingSavingsJob.JobName} did not run: InfluxDB", StringComparison.Ordinal));

        await Eventually.UntilAsync(() => Failures() == 1, Patience, "the first failed run", ct);
        clock.Advance(app.Services.GetRequiredService<IOptionsMonitor<JobScheduleOptions>>().Get(LightingSavingsJob.JobName).Interval);
        await Eventually.UntilAsync(() => Failures() == 2, Patience, "the second run, one interval later", ct);

        app.Logs.AssertNoUnexpectedErrors();
    }

    [Fact]
    public async Task Each_owned_partition_reports_its_progress_to_platform_analytics()
    {
        var ct = TestContext.Current.CancellationToken;
        using var town = await SavingsTown.CreateAsync(influxServer.Url, ct);
        var clock = new FakeTimeProvider(Oslo(2026, 1, 16, 3));
        await using var app = await AnalyticsTestHost.StartAsync(town.AnalyticsSettings(influxServer.Url, jobEnabled: true), clock, ct);
        await Eventually.UntilAsync(
            async c => await town.Influx.CountAsync(InfluxWatermarkStore.Measurement, "instance", c, "\"partition\" = 'sor' AND time = '2026-01-15T23:00:00Z'") == 1,
            Patience,
            "sor computed up to the end of the 15th",
            ct);

        // The job stores a watermark before it updates the status board that the self-metrics report: wait for the board
        // too, or the next report could still see the run in progress (and no later one comes while the clock stands).
        var board = app.Services.GetRequiredService<JobStatusBoard>();
        await Eventually.UntilAsync(
            () => board.Snapshot().Count(e => e.Job == LightingSavingsJob.JobName && e.Status is { WindowsComputed: 9, LastRunSucceeded: true }) == 3,
            Patience,
            "every partition's run to be finished on the status board",
            ct);

        // When: the next self-metrics interval comes.
        clock.Advance(AnalyticsOptions.DefaultSelfMetricsInterval);

        // Then: one point per partition, up to date (nothing behind), with its last run; and the instance's heartbeat.
        await Eventually.UntilAsync(
            async c => (await town.Influx.RowsAsync($"SELECT * FROM \"{AnalyticsSelfMetricsService.Measurement}\" WHERE \"partition\" = 'sor' AND \"windowsBehind\" = 0", c)).Count > 0,
            Patience,
            "sor's progress point",
            ct);
        var rows = await town.Influx.RowsAsync($"SELECT last(\"windowsComputed\") AS \"windows\", last(\"failures\") AS \"failures\", last(\"lagSeconds\") AS \"lag\" FROM \"{AnalyticsSelfMetricsService.Measurement}\" WHERE \"job\" = 'lighting-savings' GROUP BY \"partition\"", ct);
        Assert.Equal(["_unzoned", "nord", "sor"], rows.Select(r => r.Series.Tags["partition"]).Order(StringComparer.Ordinal));
        Assert.All(rows, r => Assert.Equal(0, r.Series.GetInt64(r.Row, "failures")));
        // A week of lookback and two trailing days: the 7th to the 15th, nine days, each computed once.
        Assert.All(rows, r => Assert.Equal(9, r.Series.GetInt64(r.Row, "windows")));
        // The watermark is midnight after the 15th; the clock is 03:00:30 on the 16th.
        Assert.All(rows, r => Assert.Equal(TimeSpan.FromHours(3).Add(AnalyticsOptions.DefaultSelfMetricsInterval).TotalSeconds, r.Series.GetDouble(r.Row, "lag")!.Value, 6));
        Assert.Equal(1, await town.Influx.CountAsync(AnalyticsSelfMetricsService.InstanceMeasurement, "partitions", ct, "\"instance\" = 'analytics-test' AND \"partitions\" = 3"));
        app.Logs.AssertNoUnexpectedErrors();
    }
}
