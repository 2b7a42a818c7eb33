using SmartOverhalla.Testing;
using SmartOverhalla.Testing.Servers;

namespace SmartOverhalla.Influx.Tests.Integration;

/// <summary>Schema set-up while InfluxDB is not up yet, against a real InfluxDB that is stopped and started.</summary>
public sealed class SchemaUntilReadyTests
{
    [Fact]
    public async Task The_database_is_created_once_InfluxDB_comes_up_after_failed_tries()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await InfluxServer.StartAsync(ct);
        Assert.SkipUnless(server.IsOwned, "Needs an InfluxDB the tests started themselves, to stop it.");
        var database = TestNames.Database();
        using var client = new InfluxTestClient(server.Url, database);
        await server.StopAsync();

        // When schema set-up starts while InfluxDB is down
        var retries = 0;
        var ensure = client.Schema.EnsureDatabaseUntilReadyAsync(
            TimeProvider.System, TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(200), (_, _) => Interlocked.Increment(ref retries), ct);
        await Eventually.UntilAsync(() => Volatile.Read(ref retries) >= 2, TimeSpan.FromSeconds(20), "two failed tries", ct);
        Assert.False(ensure.IsCompleted);

        // Then it finishes once InfluxDB is back, and the database exists
        await server.StartAgainAsync(ct);
        await ensure.WaitAsync(TimeSpan.FromSeconds(30), ct);
        var databases = await client.RowsAsync("SHOW DATABASES", ct);
        Assert.Contains(databases, r => r.Series.GetString(r.Row, "name") == database);
    }
}
