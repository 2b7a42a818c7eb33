using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using SmartOverhalla.Analytics.Jobs;
using SmartOverhalla.Analytics.Tests.Support;
using SmartOverhalla.Analytics.Water.Consumption;
using SmartOverhalla.Testing;
using SmartOverhalla.Testing.Servers;
using SmartOverhalla.Water.Registry;
using static SmartOverhalla.Testing.Lighting.SyntheticLight;

namespace SmartOverhalla.Analytics.Tests.Water;

/// <summary>The water jobs on the analytics host's schedule: the meter directory decides their partitions, and without it nothing runs.</summary>
public sealed class WaterJobsHostingTests(InfluxFixture influxServer) : IClassFixture<InfluxFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Without_the_meter_directory_the_water_jobs_warn_advance_nothing_and_run_once_it_answers()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var town = await WaterTown.CreateAsync(influxServer.Url, ct);
        town.AddMeter("h1", MeterRole.Household, "d07");
        await town.WriteReadingsAsync("h1", [(Oslo(2026, 1, 14, 0), 100), (Oslo(2026, 1, 14, 12), 160), (Oslo(2026, 1, 15, 0), 220)], ct);
        town.Gateway.DirectoryStatus = 503;
        var clock = new FakeTimeProvider(Oslo(2026, 1, 15, 3));
        await using var app = await AnalyticsTestHost.StartAsync(town.AnalyticsSettings(jobsEnabled: true), clock, ct);
        int Unavailable(string job) => app.Logs.Entries.Count(e => e.EventId.Id == 5014 && e.Level == LogLevel.Warning && e.Message.Contains(job, StringComparison.Ordinal));

        // When: the gateway answers 503 to the directory.
        await Eventually.UntilAsync(() => Unavailable(WaterConsumptionJob.JobName) == 1 && Unavailable("water-leaks") == 1, Patience, "both water jobs warning once", ct);

        // Then: the warning says why, and no watermark was written.
        Assert.Contains("HTTP 503", app.Logs.Entries.First(e => e.EventId.Id == 5014).Message, StringComparison.Ordinal);
        Assert.Equal(0, await town.Influx.CountAsync(InfluxWatermarkStore.Measurement, "instance", ct));

        // When: the gateway answers again, at the consumption job's next run.
        town.Gateway.DirectoryStatus = 200;
        clock.Advance(TimeSpan.FromHours(1));

        // Then: district d07 is its partition and is computed up to the end of the 14th.
        await Eventually.UntilAsync(
            async c => await town.Influx.CountAsync(InfluxWatermarkStore.Measurement, "instance", c, $"\"job\" = '{WaterConsumptionJob.JobName}' AND \"partition\" = 'd07' AND time = '2026-01-14T23:00:00Z'") == 1,
            Patience,
            "d07 computed up to the end of the 14th",
            ct);
        app.Logs.AssertNoUnexpectedErrors();
    }
}
