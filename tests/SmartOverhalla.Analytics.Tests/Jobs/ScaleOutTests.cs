using Microsoft.Extensions.Time.Testing;
using SmartOverhalla.Analytics.Jobs;
using SmartOverhalla.Analytics.Lighting;
using SmartOverhalla.Analytics.Tests.Support;
using SmartOverhalla.Influx;
using SmartOverhalla.Testing;
using SmartOverhalla.Testing.Lighting;
using SmartOverhalla.Testing.Servers;
using static SmartOverhalla.Testing.Lighting.SyntheticLight;

namespace SmartOverhalla.Analytics.Tests.Jobs;

/// <summary>Several analytics instances on one database, against a real InfluxDB.</summary>
public sealed class ScaleOutTests(InfluxFixture influxServer) : IClassFixture<InfluxFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Two_instances_on_one_database_split_the_partitions_and_together_write_what_one_instance_writes()
    {
        var ct = TestContext.Current.CancellationToken;
        using var single = await SavingsTown.CreateAsync(influxServer.Url, ct);
        using var shared = await SavingsTown.CreateAsync(influxServer.Url, ct);
        var clock = new FakeTimeProvider(Oslo(2026, 1, 16, 3));

        // Given: one instance alone on one town's database, and instances 0 and 1 of 2 on an identical town's database.
        await using var alone = await AnalyticsTestHost.StartAsync(single.AnalyticsSettings(influxServer.Url, jobEnabled: true), clock, ct);
        await using var first = await AnalyticsTestHost.StartAsync(Instance(shared, 0, 2), clock, ct);
        await using var second = await AnalyticsTestHost.StartAsync(Instance(shared, 1, 2), clock, ct);

        // When: every partition has its watermark at the end of the 15th.
        var end = Time.LocalDay.MidnightOf(SavingsTown.FirstDay.AddDays(2));
        await Eventually.UntilAsync(async c => (await SavingsWatermarks.ReadAsync(single.Influx, c)).Count(w => w.Value.Watermark == end) == 3, Patience, "one instance done", ct);
        await Eventually.UntilAsync(async c => (await SavingsWatermarks.ReadAsync(shared.Influx, c)).Count(w => w.Value.Watermark == end) == 3, Patience, "two instances done", ct);

        // Then: each partition was computed by one instance only (partitions in ordinal order: _unzoned, nord, sor)...
        var owners = await SavingsWatermarks.ReadAsync(shared.Influx, ct);
        Assert.Equal("analytics-0", owners["_unzoned"].Instance);
        Assert.Equal("analytics-1", owners["nord"].Instance);
        Assert.Equal("analytics-0", owners["sor"].Instance);
        Assert.DoesNotContain(first.Logs.Entries, e => e.EventId.Id is 5005 or 5013 && e.Message.Contains("/nord", StringComparison.Ordinal));
        Assert.DoesNotContain(second.Logs.Entries, e => e.EventId.Id is 5005 or 5013 && (e.Message.Contains("/sor", StringComparison.Ordinal) || e.Message.Contains("/_unzoned", StringComparison.Ordinal)));
        Assert.Contains(first.Logs.Entries, e => e.EventId.Id == 5005 && e.Message.Contains("/sor", StringComparison.Ordinal));
        Assert.Contains(second.Logs.Entries, e => e.EventId.Id == 5005 && e.Message.Contains("/nord", StringComparison.Ordinal));

        // ...and the two together wrote the same derived series as the one alone, point for point.
        foreach (var measurement in new[] { "lighting_savings", "lighting_savings_light" })
        {
            var expected = await DerivedAsync(single, measurement, ct);
            Assert.NotEmpty(expected);
            Assert.Equal(expected, await DerivedAsync(shared, measurement, ct));
        }

        alone.Logs.AssertNoUnexpectedErrors();
        first.Logs.AssertNoUnexpectedErrors();
        second.Logs.AssertNoUnexpectedErrors();
    }

    private Dictionary<string, string?> Instance(SavingsTown town, int index, int count)
    {
        var settings = town.AnalyticsSettings(influxServer.Url, jobEnabled: true);
        settings["Analytics:InstanceName"] = $"analytics-{index}";
        settings["Analytics:InstanceIndex"] = index.ToString(System.Globalization.CultureInfo.InvariantCulture);
        settings["Analytics:InstanceCount"] = count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return settings;
    }


    /// <summary>Every point of <paramref name="measurement"/> as text (tags but the municipality, time, fields), sorted.</summary>
    private static async Task<List<string>> DerivedAsync(SavingsTown town, string measurement, CancellationToken ct)
    {
        var result = await town.Influx.Query.QueryAsync(
            $"SELECT * FROM {InfluxQl.QuoteIdentifier(measurement)} WHERE \"municipality\" = {InfluxQl.QuoteString(town.Municipality)} GROUP BY *", ct);
        var points = new List<string>();
        foreach (var series in result.Series)
        {
            var tags = string.Join(",", series.Tags.Where(t => t.Key != "municipality").OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => $"{t.Key}={t.Value}"));
            for (var row = 0; row < series.RowCount; row++)
            {
                var fields = string.Join(",", series.Columns.Where(c => c != "time").Select(c => $"{c}={series.GetValue(row, c)}"));
                points.Add($"{tags} {series.GetTime(row):O} {fields}");
            }
        }

        points.Sort(StringComparer.Ordinal);
        return points;
    }
}
