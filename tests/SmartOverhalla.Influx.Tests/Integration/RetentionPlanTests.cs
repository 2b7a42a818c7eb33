using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SmartOverhalla.Testing;
using SmartOverhalla.Testing.Hosting;
using SmartOverhalla.Testing.Servers;

namespace SmartOverhalla.Influx.Tests.Integration;

/// <summary>The retention plan against a real InfluxDB 1.x: policies made at start, points routed into them.</summary>
public sealed class RetentionPlanTests(InfluxFixture influx) : IClassFixture<InfluxFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Schema_set_up_creates_the_planned_policies_next_to_the_untouched_default_and_alters_one_whose_duration_changed()
    {
        var database = TestNames.Database();

        // Given a first start with "raw" kept 2 h and "household" 5 d
        await using (var first = Create(database, plan => plan.AddPolicy("raw", TimeSpan.FromHours(2)).AddPolicy("household", TimeSpan.FromDays(5))))
        {
            await first.GetRequiredService<IInfluxSchemaInitializer>().EnsureDatabaseAsync(Ct);
        }

        // When the next start plans "raw" for 396 d
        using var logs = new CapturedLogs();
        await using var second = Create(database, plan => plan.AddPolicy("raw", TimeSpan.FromDays(396)).AddPolicy("household", TimeSpan.FromDays(5)), logs);
        await second.GetRequiredService<IInfluxSchemaInitializer>().EnsureDatabaseAsync(Ct);

        // Then SHOW RETENTION POLICIES lists both with the planned durations (and InfluxDB's shard durations for them),
        // neither as default, and the database's own default is still autogen, infinite
        var policies = await PoliciesAsync(second, database);
        Assert.Equal(("0s", "168h0m0s", true), policies["autogen"]);
        Assert.Equal(("9504h0m0s", "168h0m0s", false), policies["raw"]); // 396 × 24 h; shards of 7 d from 6 months on
        Assert.Equal(("120h0m0s", "24h0m0s", false), policies["household"]); // 5 × 24 h; shards of 1 d from 2 d on
        Assert.Equal(3, policies.Count);

        // And the change is a warning naming the policy and both durations; the unchanged policy is not altered
        var changed = Assert.Single(logs.Entries, e => e.EventId.Id == 8001);
        Assert.Equal(LogLevel.Warning, changed.Level);
        Assert.Contains("raw", changed.Message, StringComparison.Ordinal);
        Assert.Contains("from 2h to 396d", changed.Message, StringComparison.Ordinal);
        Assert.Contains(logs.Entries, e => e.EventId.Id == 5 && e.Message.Contains("household", StringComparison.Ordinal) && e.Message.Contains("unchanged", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_policy_shortened_below_its_shard_duration_is_altered_with_a_matching_shard_duration()
    {
        // Given "raw" made for 396 d (7-day shards)
        var database = TestNames.Database();
        await using (var first = Create(database, plan => plan.AddPolicy("raw", TimeSpan.FromDays(396))))
        {
            await first.GetRequiredService<IInfluxSchemaInitializer>().EnsureDatabaseAsync(Ct);
        }

        // When it is planned for 3 h (InfluxDB 1.6 refuses a duration under the shard duration unless both change)
        await using var second = Create(database, plan => plan.AddPolicy("raw", TimeSpan.FromHours(3)));
        await second.GetRequiredService<IInfluxSchemaInitializer>().EnsureDatabaseAsync(Ct);

        // Then it is 3 h with 1-hour shards
        Assert.Equal(("3h0m0s", "1h0m0s", false), (await PoliciesAsync(second, database))["raw"]);
    }

    [Fact]
    public async Task Routed_points_land_in_their_policy_and_a_mixed_batch_is_split_while_an_explicit_policy_wins()
    {
        // Given "raw" with measurement "meter" routed into it
        var database = TestNames.Database();
        await using var provider = Create(database, plan => plan.AddPolicy("raw", TimeSpan.FromDays(30)).Route("meter", "raw"));
        await provider.GetRequiredService<IInfluxSchemaInitializer>().EnsureDatabaseAsync(Ct);
        var writer = provider.GetRequiredService<IInfluxWriter>();
        var now = TimeProvider.System.GetUtcNow();

        // When a batch mixes meters and lights, and one meter point is written with an explicit policy
        await writer.WriteAsync([Point("meter", "m1", now), Point("light", "l1", now), Point("meter", "m2", now), Point("light", "l2", now)], Ct);
        await writer.WriteAsync([Point("meter", "m3", now)], "autogen", Ct);

        // Then the routed meters are in "raw", the lights in the default, and the explicit one where it was sent
        Assert.Equal(["m1", "m2"], await DevicesAsync(provider, "\"raw\".\"meter\""));
        Assert.Equal(["l1", "l2"], await DevicesAsync(provider, "\"autogen\".\"light\""));
        Assert.Equal(["m3"], await DevicesAsync(provider, "\"autogen\".\"meter\""));
        Assert.Empty(await DevicesAsync(provider, "\"raw\".\"light\""));
    }

    [Fact]
    public async Task A_point_older_than_its_policy_is_refused_as_a_partial_write_and_the_rest_of_the_batch_is_stored()
    {
        // Given "raw" kept 1 h (InfluxDB's minimum) with "meter" routed into it
        var database = TestNames.Database();
        await using var provider = Create(database, plan => plan.AddPolicy("raw", TimeSpan.FromHours(1)).Route("meter", "raw"));
        await provider.GetRequiredService<IInfluxSchemaInitializer>().EnsureDatabaseAsync(Ct);
        var now = TimeProvider.System.GetUtcNow();

        // When a batch holds a meter reading 3 h old, a fresh one and a fresh light
        var exception = await Assert.ThrowsAsync<InfluxWriteException>(() => provider.GetRequiredService<IInfluxWriter>()
            .WriteAsync([Point("meter", "old", now.AddHours(-3)), Point("meter", "fresh", now), Point("light", "l1", now)], Ct));

        // Then InfluxDB refuses the old one for its policy (not transient: trying again cannot help) and stores the others
        Assert.False(exception.IsTransient);
        Assert.True(exception.IsPartialWrite);
        Assert.Equal("partial write: points beyond retention policy dropped=1", exception.ServerMessage);
        Assert.Equal(["fresh"], await DevicesAsync(provider, "\"raw\".\"meter\""));
        Assert.Equal(["l1"], await DevicesAsync(provider, "\"light\""));
    }

    private ServiceProvider Create(string database, Action<InfluxRetentionPlan> plan, CapturedLogs? logs = null)
    {
        var services = new ServiceCollection();
        services.AddLogging(b =>
        {
            b.SetMinimumLevel(LogLevel.Debug);
            if (logs is not null)
            {
                b.AddProvider(logs);
            }
        });
        services.AddInfluxDb(o =>
        {
            o.Url = influx.Url;
            o.Database = database;
        });
        services.AddInfluxRetentionPlan().Configure(plan);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    private static PointData Point(string measurement, string device, DateTimeOffset at) =>
        PointData.Measurement(measurement).Tag("device", device).Field("value", 1.5).Timestamp(at);

    private static async Task<Dictionary<string, (string Duration, string Shard, bool IsDefault)>> PoliciesAsync(IServiceProvider provider, string database)
    {
        var result = await provider.GetRequiredService<IInfluxQueryClient>().QueryAsync("SHOW RETENTION POLICIES ON " + InfluxQl.QuoteIdentifier(database), Ct);
        var series = Assert.Single(result.Series);
        return Enumerable.Range(0, series.RowCount).ToDictionary(
            row => series.GetString(row, "name")!,
            row => (series.GetString(row, "duration")!, series.GetString(row, "shardGroupDuration")!, series.GetBoolean(row, "default") == true));
    }

    private static async Task<string[]> DevicesAsync(IServiceProvider provider, string from)
    {
        var result = await provider.GetRequiredService<IInfluxQueryClient>().QueryAsync($"SELECT \"value\", \"device\" FROM {from}", Ct);
        return [.. result.Series.SelectMany(s => Enumerable.Range(0, s.RowCount).Select(row => s.GetString(row, "device")!)).Order(StringComparer.Ordinal)];
    }
}
