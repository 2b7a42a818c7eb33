using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using SmartOverhalla.Influx.Tests.Support;
using SmartOverhalla.Testing;
using SmartOverhalla.Testing.Servers;

namespace SmartOverhalla.Influx.Tests.Integration;

/// <summary>What a real InfluxDB 1.x refuses reaches the caller as a typed, correctly classified error with the server's words.</summary>
public sealed class InfluxServerErrorTests(InfluxFixture influx) : IClassFixture<InfluxFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_field_type_conflict_is_a_non_transient_partial_write_and_the_rest_of_the_batch_is_stored()
    {
        // Given a field first written as an integer
        await using var provider = await CreateDatabaseAsync();
        var writer = provider.GetRequiredService<IInfluxWriter>();
        await writer.WriteAsync([PointData.Measurement("streetlight").Field("dimLevel", 50L).TimestampNs(1)], Ct);

        // When a batch writes it as a float next to a valid point
        var exception = await Assert.ThrowsAsync<InfluxWriteException>(() => writer.WriteAsync(
            [PointData.Measurement("streetlight").Field("dimLevel", 50.5).TimestampNs(2), PointData.Measurement("streetlight").Field("dimLevel", 60L).TimestampNs(3)],
            Ct));

        // Then the error is InfluxDB's, not worth retrying, and flagged partial
        Assert.Equal(HttpStatusCode.BadRequest, exception.StatusCode);
        Assert.False(exception.IsTransient);
        Assert.True(exception.IsPartialWrite);
        Assert.Contains("field type conflict", exception.ServerMessage, StringComparison.Ordinal);
        Assert.Contains("field type conflict", exception.Message, StringComparison.Ordinal);

        // And the valid point of the batch was stored
        var result = await provider.GetRequiredService<IInfluxQueryClient>().QueryAsync("SELECT \"dimLevel\" FROM \"streetlight\"", Ct);
        var series = Assert.Single(result.Series);
        Assert.Equal([1L, 3L], Enumerable.Range(0, series.RowCount).Select(series.GetTimeNanoseconds));
    }

    [Fact]
    public async Task Writing_to_a_database_that_does_not_exist_is_a_non_transient_not_found()
    {
        // Given a client for a database nobody created
        await using var provider = InfluxServices.ForServer(influx.Url, TestNames.Database());

        // When it writes
        var exception = await Assert.ThrowsAsync<InfluxWriteException>(() =>
            provider.GetRequiredService<IInfluxWriter>().WriteAsync([PointData.Measurement("m").Field("v", 1L)], Ct));

        // Then InfluxDB's "database not found" arrives as a non-transient 404
        Assert.Equal(HttpStatusCode.NotFound, exception.StatusCode);
        Assert.False(exception.IsTransient);
        Assert.Contains("database not found", exception.ServerMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Malformed_raw_line_protocol_is_a_non_transient_bad_request_naming_the_line()
    {
        // Given a database
        await using var provider = await CreateDatabaseAsync();

        // When bytes that are not line protocol are replayed
        var exception = await Assert.ThrowsAsync<InfluxWriteException>(() =>
            provider.GetRequiredService<IInfluxWriter>().WriteLineProtocolAsync(Encoding.UTF8.GetBytes("this is not line protocol\n"), null, Ct));

        // Then the parser's complaint comes back as a non-transient 400
        Assert.Equal(HttpStatusCode.BadRequest, exception.StatusCode);
        Assert.False(exception.IsTransient);
        Assert.Contains("unable to parse", exception.ServerMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_InfluxQL_syntax_error_surfaces_the_servers_message()
    {
        // Given a database
        await using var provider = await CreateDatabaseAsync();

        // When a query does not parse
        var exception = await Assert.ThrowsAsync<InfluxQueryException>(() =>
            provider.GetRequiredService<IInfluxQueryClient>().QueryAsync("SELECT FROM WHERE", Ct));

        // Then the server's parse error is surfaced, as a non-transient 400
        Assert.Equal(HttpStatusCode.BadRequest, exception.StatusCode);
        Assert.False(exception.IsTransient);
        Assert.Contains("error parsing query", exception.ServerMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_query_on_an_unknown_database_surfaces_the_statement_error()
    {
        // Given a client for a database nobody created
        var database = TestNames.Database();
        await using var provider = InfluxServices.ForServer(influx.Url, database);

        // When it selects
        var exception = await Assert.ThrowsAsync<InfluxQueryException>(() =>
            provider.GetRequiredService<IInfluxQueryClient>().QueryAsync("SELECT * FROM \"m\"", Ct));

        // Then the statement's "database not found" error is raised, naming the statement
        Assert.Equal("database not found: " + database, exception.ServerMessage);
        Assert.Equal(0, exception.StatementId);
        Assert.False(exception.IsTransient);
    }

    [Fact]
    public async Task Ensuring_the_schema_creates_database_and_default_retention_policy_and_can_be_repeated()
    {
        // Given options naming a database and a 30-day default retention policy
        var database = TestNames.Database();
        await using var provider = InfluxServices.ForServer(influx.Url, database, o => { o.RetentionPolicy = "raw"; o.RetentionDuration = TimeSpan.FromDays(30); });
        var schema = provider.GetRequiredService<IInfluxSchemaInitializer>();

        // When the schema is ensured twice (two services starting)
        await schema.EnsureDatabaseAsync(Ct);
        await schema.EnsureDatabaseAsync(Ct);

        // Then the database exists once and "raw" is its default policy with 30 days (InfluxDB shows 720h0m0s)
        var query = provider.GetRequiredService<IInfluxQueryClient>();
        var databases = Assert.Single((await query.QueryAsync("SHOW DATABASES", Ct)).Series);
        Assert.Single(Enumerable.Range(0, databases.RowCount), row => databases.GetString(row, "name") == database);
        var raw = await FindPolicyAsync(query, database, "raw");
        Assert.Equal(("720h0m0s", true), raw);

        // And points written without naming a policy land in "raw"
        await provider.GetRequiredService<IInfluxWriter>().WriteAsync([PointData.Measurement("m").Field("v", 1L).TimestampNs(DaysAgoNs(1))], Ct);
        var stored = await query.QueryAsync($"SELECT count(\"v\") FROM {InfluxQl.QuoteIdentifier(database)}.\"raw\".\"m\"", Ct);
        Assert.Equal(1L, Assert.Single(stored.Series).GetInt64(0, "count"));
    }

    [Fact]
    public async Task Ensuring_a_retention_policy_alters_one_that_exists_with_another_duration()
    {
        // Given a database with a non-default policy of 2 hours
        await using var provider = await CreateDatabaseAsync();
        var schema = provider.GetRequiredService<IInfluxSchemaInitializer>();
        await schema.EnsureRetentionPolicyAsync("aggregates", TimeSpan.FromHours(2), isDefault: false, Ct);
        var database = provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<InfluxOptions>>().Value.Database;
        var query = provider.GetRequiredService<IInfluxQueryClient>();
        Assert.Equal(("2h0m0s", false), await FindPolicyAsync(query, database, "aggregates"));

        // When it is ensured with no duration limit
        await schema.EnsureRetentionPolicyAsync("aggregates", null, isDefault: false, Ct);

        // Then it keeps data forever (InfluxDB shows 0s) and is still not the default
        Assert.Equal(("0s", false), await FindPolicyAsync(query, database, "aggregates"));
    }

    [Fact]
    public async Task The_health_check_reports_a_running_InfluxDB_healthy_with_its_version()
    {
        // Given a client for the running server
        await using var provider = InfluxServices.ForServer(influx.Url, TestNames.Database());

        // When health is checked
        var report = await provider.GetRequiredService<HealthCheckService>().CheckHealthAsync(Ct);

        // Then InfluxDB is healthy and names its 1.x version
        var entry = report.Entries[InfluxHealthChecksBuilderExtensions.DefaultName];
        Assert.Equal(HealthStatus.Healthy, entry.Status);
        Assert.StartsWith("1.", (string)entry.Data["version"], StringComparison.Ordinal);
    }

    private static long DaysAgoNs(int days) =>
        (TimeProvider.System.GetUtcNow().AddDays(-days).UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) * TimeSpan.NanosecondsPerTick;

    private static async Task<(string? Duration, bool? IsDefault)?> FindPolicyAsync(IInfluxQueryClient query, string database, string name)
    {
        var series = Assert.Single((await query.QueryAsync("SHOW RETENTION POLICIES ON " + InfluxQl.QuoteIdentifier(database), Ct)).Series);
        for (var row = 0; row < series.RowCount; row++)
        {
            if (series.GetString(row, "name") == name)
            {
                return (series.GetString(row, "duration"), series.GetBoolean(row, "default"));
            }
        }

        return null;
    }

    private async Task<ServiceProvider> CreateDatabaseAsync()
    {
        var provider = InfluxServices.ForServer(influx.Url, TestNames.Database());
        await provider.GetRequiredService<IInfluxSchemaInitializer>().EnsureDatabaseAsync(Ct);
        return provider;
    }
}
