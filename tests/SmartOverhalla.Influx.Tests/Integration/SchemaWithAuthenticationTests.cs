using System.Net;
using Microsoft.Extensions.DependencyInjection;
using SmartOverhalla.Influx.Tests.Support;
using SmartOverhalla.Testing;

namespace SmartOverhalla.Influx.Tests.Integration;

/// <summary>
/// Schema set-up against a real InfluxDB 1.x with authentication, as deployed by docker compose: the services log in as
/// a non-admin user with ALL on a database an admin created. CREATE DATABASE and CREATE/ALTER RETENTION POLICY need
/// admin privilege there (403 otherwise), SHOW DATABASES and SHOW RETENTION POLICIES do not.
/// </summary>
public sealed class SchemaWithAuthenticationTests(AuthenticatedInfluxFixture influx) : IClassFixture<AuthenticatedInfluxFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_user_with_ALL_on_an_existing_database_gets_the_schema_ready_at_the_first_try_and_its_data_stays()
    {
        // Given a database an admin created, a non-admin user with ALL on it, and a point that user wrote
        var (database, user, password) = await CreateDatabaseAndServiceUserAsync();
        await using var provider = ForUser(database, user, password);
        await provider.GetRequiredService<IInfluxWriter>().WriteAsync([PointData.Measurement("streetlight").Field("dimLevel", 40L).TimestampNs(7)], Ct);

        // When the service's start-up schema set-up runs as that user
        var failures = new List<string>();
        await provider.GetRequiredService<IInfluxSchemaInitializer>()
            .EnsureDatabaseUntilReadyAsync(TimeProvider.System, TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(200), (ex, _) => failures.Add(ex.Message), Ct)
            .WaitAsync(TimeSpan.FromSeconds(30), Ct);

        // Then it succeeded without a single refused try (a CREATE DATABASE would have been a 403 and a retry)
        Assert.Empty(failures);

        // And the database and the point written before are still there
        var result = await provider.GetRequiredService<IInfluxQueryClient>().QueryAsync("SELECT \"dimLevel\" FROM \"streetlight\"", Ct);
        var series = Assert.Single(result.Series);
        Assert.Equal([7L], Enumerable.Range(0, series.RowCount).Select(series.GetTimeNanoseconds));
    }

    [Fact]
    public async Task A_configured_retention_policy_that_already_matches_needs_no_admin_rights()
    {
        // Given the database's default policy autogen (infinite, default), and a non-admin user configured with exactly that
        var (database, user, password) = await CreateDatabaseAndServiceUserAsync();
        await using var provider = ForUser(database, user, password, o => o.RetentionPolicy = "autogen");

        // When the schema is ensured, Then nothing is refused
        await provider.GetRequiredService<IInfluxSchemaInitializer>().EnsureDatabaseAsync(Ct);
    }

    [Fact]
    public async Task A_retention_policy_a_non_admin_would_have_to_change_fails_with_a_message_naming_the_policy_and_the_missing_right()
    {
        // Given a non-admin user whose configuration asks for a policy the database does not have
        var (database, user, password) = await CreateDatabaseAndServiceUserAsync();
        await using var provider = ForUser(database, user, password, o => { o.RetentionPolicy = "raw"; o.RetentionDuration = TimeSpan.FromDays(30); });

        // When the schema is ensured
        var exception = await Assert.ThrowsAsync<InfluxQueryException>(() => provider.GetRequiredService<IInfluxSchemaInitializer>().EnsureDatabaseAsync(Ct));

        // Then the error says which policy, which user, that admin rights are missing, and that retrying will not help
        Assert.Equal(HttpStatusCode.Forbidden, exception.StatusCode);
        Assert.False(exception.IsTransient);
        Assert.Contains($"Retention policy 'raw' on database '{database}' does not exist", exception.Message, StringComparison.Ordinal);
        Assert.Contains($"user '{user}' needs admin rights", exception.Message, StringComparison.Ordinal);
        Assert.Contains("CREATE RETENTION POLICY", exception.Message, StringComparison.Ordinal);
        Assert.Contains("requires admin privilege", exception.ServerMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_database_fails_for_a_non_admin_with_a_message_naming_the_database_and_the_missing_right()
    {
        // Given a non-admin user and a database nobody created
        var (_, user, password) = await CreateDatabaseAndServiceUserAsync();
        var missing = TestNames.Database();
        await using var provider = ForUser(missing, user, password);

        // When the schema is ensured
        var exception = await Assert.ThrowsAsync<InfluxQueryException>(() => provider.GetRequiredService<IInfluxSchemaInitializer>().EnsureDatabaseAsync(Ct));

        // Then the error names the database and what an operator must do, and is not worth an immediate retry
        Assert.Equal(HttpStatusCode.Forbidden, exception.StatusCode);
        Assert.False(exception.IsTransient);
        Assert.Contains($"Database '{missing}' does not exist", exception.Message, StringComparison.Ordinal);
        Assert.Contains($"An admin must create database '{missing}'", exception.Message, StringComparison.Ordinal);
        Assert.Contains($"user '{user}' needs admin rights", exception.Message, StringComparison.Ordinal);

        // And the database was indeed not created
        Assert.DoesNotContain(missing, await DatabasesAsync());
    }

    [Fact]
    public async Task The_admin_creates_a_missing_database()
    {
        // Given the admin's credentials and a database nobody created
        var database = TestNames.Database();
        await using var provider = ForUser(database, influx.Server.AdminUser!, influx.Server.AdminPassword!);

        // When the schema is ensured
        await provider.GetRequiredService<IInfluxSchemaInitializer>().EnsureDatabaseAsync(Ct);

        // Then the database exists
        Assert.Contains(database, await DatabasesAsync());
    }

    private async Task<(string Database, string User, string Password)> CreateDatabaseAndServiceUserAsync()
    {
        var database = TestNames.Database();
        var user = "svc_" + Guid.NewGuid().ToString("N")[..8];
        var password = Guid.NewGuid().ToString("N");
        await influx.Server.ExecuteAsAdminAsync($"CREATE DATABASE {InfluxQl.QuoteIdentifier(database)}", Ct);
        await influx.Server.ExecuteAsAdminAsync($"CREATE USER {InfluxQl.QuoteIdentifier(user)} WITH PASSWORD {InfluxQl.QuoteString(password)}", Ct);
        await influx.Server.ExecuteAsAdminAsync($"GRANT ALL ON {InfluxQl.QuoteIdentifier(database)} TO {InfluxQl.QuoteIdentifier(user)}", Ct);
        return (database, user, password);
    }

    private ServiceProvider ForUser(string database, string user, string password, Action<InfluxOptions>? configure = null) =>
        InfluxServices.ForServer(influx.Server.Url, database, o =>
        {
            o.Username = user;
            o.Password = password;
            configure?.Invoke(o);
        });

    private async Task<IReadOnlyList<string>> DatabasesAsync()
    {
        await using var admin = ForUser("_internal", influx.Server.AdminUser!, influx.Server.AdminPassword!);
        var result = await admin.GetRequiredService<IInfluxQueryClient>().QueryAsync("SHOW DATABASES", Ct);
        var series = Assert.Single(result.Series);
        return [.. Enumerable.Range(0, series.RowCount).Select(row => series.GetString(row, "name")!)];
    }
}
