using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using SmartOverhalla.Influx.Tests.Support;
using SmartOverhalla.Testing;
using SmartOverhalla.Testing.Servers;

namespace SmartOverhalla.Influx.Tests.Integration;

/// <summary>An InfluxDB that is down is a transient condition: the caller's retry (or spool) takes over, and the same client works again once it is back.</summary>
public sealed class InfluxServerOutageTests(InfluxFixture influx) : IClassFixture<InfluxFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Writes_and_queries_to_a_stopped_InfluxDB_fail_as_transient_and_succeed_once_it_is_back()
    {
        Assert.SkipUnless(influx.Server.IsOwned, $"{InfluxServer.ReuseVariable} points at a server the tests cannot stop.");

        // Given a client that has written to a running InfluxDB
        await using var provider = InfluxServices.ForServer(influx.Url, TestNames.Database());
        await provider.GetRequiredService<IInfluxSchemaInitializer>().EnsureDatabaseAsync(Ct);
        var writer = provider.GetRequiredService<IInfluxWriter>();
        var query = provider.GetRequiredService<IInfluxQueryClient>();
        await writer.WriteAsync([PointData.Measurement("m").Field("v", 1L).TimestampNs(1)], Ct);

        // When InfluxDB stops
        await influx.Server.StopAsync();
        try
        {
            // Then a write fails as transient, without a status (no answer at all)
            var write = await Assert.ThrowsAsync<InfluxWriteException>(() => writer.WriteAsync([PointData.Measurement("m").Field("v", 2L).TimestampNs(2)], Ct));
            Assert.True(write.IsTransient);
            Assert.Null(write.StatusCode);

            // And so does a query, and the health check says why
            var read = await Assert.ThrowsAsync<InfluxQueryException>(() => query.QueryAsync("SELECT * FROM \"m\"", Ct));
            Assert.True(read.IsTransient);
            var health = await provider.GetRequiredService<HealthCheckService>().CheckHealthAsync(Ct);
            Assert.Equal(HealthStatus.Unhealthy, health.Status);
        }
        finally
        {
            await influx.Server.StartAgainAsync(Ct);
        }

        // And once it is back, the same client writes again and both points are there
        await writer.WriteAsync([PointData.Measurement("m").Field("v", 2L).TimestampNs(2)], Ct);
        var result = await query.QueryAsync("SELECT count(\"v\") FROM \"m\"", Ct);
        Assert.Equal(2L, Assert.Single(result.Series).GetInt64(0, "count"));
    }
}
