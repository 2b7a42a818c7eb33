using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SmartOverhalla.Gateway.Audit;
using SmartOverhalla.Gateway.Tests.Infrastructure;
using SmartOverhalla.Testing;
using SmartOverhalla.Testing.Servers;

namespace SmartOverhalla.Gateway.Tests.Audit;

/// <summary>The audit log in InfluxDB (measurement audit): overrides through the API, command bursts, an outage.</summary>
public sealed class AuditLogTests(InfluxFixture influx) : IClassFixture<InfluxFixture>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Setting_and_cancelling_an_override_is_audited_with_the_keys_name_and_readable_by_a_planner()
    {
        var ct = TestContext.Current.CancellationToken;
        var database = TestNames.Database();
        using var reader = new InfluxTestClient(influx.Url, database);
        await reader.Schema.EnsureDatabaseAsync(ct);
        await using var gateway = GatewayFactory.Embedded(influx.Url, out _, new Dictionary<string, string?> { ["InfluxDb:Database"] = database }).Start();
        using var operatorClient = gateway.CreateClientWithKey(TestApiKeys.Operator);

        // When an operator sets an override (claiming to be someone else) and cancels it
        using var created = await operatorClient.PostAsJsonAsync(
            new Uri("/api/v1/lighting/overrides", UriKind.Relative),
            new { zoneId = "skage", level = 70, until = TimeProvider.System.GetUtcNow().AddHours(1), reason = "Konsert", requestedBy = "mallory" },
            ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using var body = JsonDocument.Parse(await created.Content.ReadAsStringAsync(ct));
        var id = body.RootElement.GetProperty("id").GetGuid();
        using var cancelled = await operatorClient.DeleteAsync(new Uri($"/api/v1/lighting/overrides/{id}", UriKind.Relative), ct);
        Assert.Equal(HttpStatusCode.NoContent, cancelled.StatusCode);

        // Then both are in InfluxDB, actor and action as tags, the target as a field
        await Eventually.UntilAsync(async c => await reader.CountAsync("audit", "target", c) == 2, Deadline, "two audit points", ct);
        var rows = await reader.RowsAsync("SELECT \"actor\", \"action\", \"target\", \"details\" FROM \"audit\" ORDER BY time ASC", ct);
        Assert.Equal(["override.set", "override.cancel"], rows.Select(r => r.Series.GetString(r.Row, "action")));
        Assert.All(rows, r => Assert.Equal(TestApiKeys.OperatorName, r.Series.GetString(r.Row, "actor")));
        Assert.Equal("zone:overhalla/skage", rows[0].Series.GetString(rows[0].Row, "target"));
        Assert.Contains($"id={id}", rows[0].Series.GetString(rows[0].Row, "details"), StringComparison.Ordinal);
        Assert.Equal($"override:{id}", rows[1].Series.GetString(rows[1].Row, "target"));
        var tagKeys = (await reader.RowsAsync("SHOW TAG KEYS FROM \"audit\"", ct)).Select(r => r.Series.GetString(r.Row, "tagKey")).ToList();
        Assert.Equal(["action", "actor"], tagKeys);

        // And a planner reads them through the API, newest first, filtered by actor
        using var planner = gateway.CreateClientWithKey(TestApiKeys.Planner);
        var listed = await planner.GetFromJsonAsync<List<JsonElement>>(new Uri($"/api/v1/audit?actor={TestApiKeys.OperatorName}", UriKind.Relative), ct);
        Assert.Equal(["override.cancel", "override.set"], listed!.Select(e => e.GetProperty("action").GetString()));
        var none = await planner.GetFromJsonAsync<List<JsonElement>>(new Uri("/api/v1/audit?actor=mallory", UriKind.Relative), ct);
        Assert.Empty(none!);
        gateway.AssertNoUnexpectedErrors();
    }

    [Theory]
    [InlineData("from=yesterday", "from")]
    [InlineData("to=2026-13-01T00:00:00Z", "to")]
    [InlineData("from=2026-12-02T00:00:00Z&to=2026-12-01T00:00:00Z", "from")]
    [InlineData("actor=x'%20OR%201=1", "actor")]
    [InlineData("action=%0A", "action")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=100000", "limit")]
    [InlineData("limit=ten", "limit")]
    public async Task A_bad_audit_filter_gets_a_400_problem_naming_the_parameter(string query, string parameter)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var gateway = GatewayFactory.Embedded(GatewayFactory.DeadInfluxUrl(), out _).Start();
        using var admin = gateway.CreateClientWithKey(TestApiKeys.Admin);

        using var response = await admin.GetAsync(new Uri("/api/v1/audit?" + query, UriKind.Relative), ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(parameter, out _), $"{query}: no error for {parameter}");
    }

    [Fact]
    public async Task Ten_thousand_commands_recorded_in_one_burst_take_the_caller_milliseconds_and_are_all_stored_once()
    {
        var ct = TestContext.Current.CancellationToken;
        var database = TestNames.Database();
        using var reader = new InfluxTestClient(influx.Url, database);
        await reader.Schema.EnsureDatabaseAsync(ct);
        await using var trail = new AuditTrail(influx.Url, database);
        await trail.StartAsync(ct);

        // When lighting control records 10,000 commands, all stamped with the same instant
        var at = TimeProvider.System.GetUtcNow();
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < 10_000; i++)
        {
            await trail.Log.RecordAsync(
                new AuditEntry(AuditActions.LightingControlActor, AuditActions.CommandSetDim, $"overhalla/lys-{i:D5}", $"cmdId=c{i} level=50 reason=profile", at), ct);
        }

        watch.Stop();

        // Then the caller spent little time (the entries only enter a buffer), and every entry is one point
        TestContext.Current.TestOutputHelper?.WriteLine($"10,000 audit entries recorded in {watch.Elapsed.TotalMilliseconds:F1} ms");
        Assert.True(watch.Elapsed < TimeSpan.FromMilliseconds(500), $"recording took {watch.Elapsed.TotalMilliseconds:F0} ms");
        await Eventually.UntilAsync(async c => await reader.CountAsync("audit", "target", c) == 10_000, Deadline, "10,000 audit points", ct);
        Assert.Equal(10_000, await reader.CountAsync("audit", "target", ct, "\"actor\" = 'lighting-control' AND \"action\" = 'command.setDim'"));
        Assert.Equal(0, trail.Log.Dropped);
    }

    [Fact]
    public async Task Entries_recorded_while_InfluxDB_is_down_are_stored_once_it_is_back()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await InfluxServer.StartAsync(ct);
        Assert.SkipWhen(!server.IsOwned, "needs an InfluxDB this test may stop");
        var database = TestNames.Database();
        using var reader = new InfluxTestClient(server.Url, database);
        await reader.Schema.EnsureDatabaseAsync(ct);
        await using var trail = new AuditTrail(server.Url, database, new Dictionary<string, string?>
        {
            ["Audit:RetryBaseDelay"] = "00:00:00.100",
            ["Audit:RetryMaxDelay"] = "00:00:00.500",
        });
        await trail.StartAsync(ct);

        // Given InfluxDB is down, when entries are recorded
        await server.StopAsync();
        for (var i = 0; i < 50; i++)
        {
            await trail.Log.RecordAsync(new AuditEntry("test-operator", AuditActions.OverrideSet, $"zone:overhalla/z{i}", null, TimeProvider.System.GetUtcNow()), ct);
        }

        await Eventually.UntilAsync(
            () => trail.Logs.GetSnapshot().Any(r => r.Id.Id == 9003), Deadline, "a failed write to be retried", ct);

        // Then, once it is back, every entry is stored, once
        await server.StartAgainAsync(ct);
        await Eventually.UntilAsync(async c => await reader.CountAsync("audit", "target", c) == 50, Deadline, "50 audit points after the outage", ct);
        // (the writer counts after InfluxDB's answer reaches it, which may be after the reader sees the points)
        await Eventually.UntilAsync(() => trail.Log.Stored == 50, Deadline, "the writer to count 50 stored", ct);
        Assert.Equal(0, trail.Log.Dropped);
        Assert.Equal(50, trail.Logs.GetSnapshot().Count(r => r.Id.Id == 9000));
    }

    [Fact]
    public async Task An_entry_InfluxDB_cannot_hold_is_logged_and_counted_and_the_entries_around_it_are_stored()
    {
        var ct = TestContext.Current.CancellationToken;
        var database = TestNames.Database();
        using var reader = new InfluxTestClient(influx.Url, database);
        await reader.Schema.EnsureDatabaseAsync(ct);
        await using var trail = new AuditTrail(influx.Url, database);
        await trail.StartAsync(ct);

        await trail.Log.RecordAsync(new AuditEntry("test-admin", "device.create", "overhalla/d1", null, TimeProvider.System.GetUtcNow()), ct);
        await trail.Log.RecordAsync(new AuditEntry("test-admin", "device.create", "overhalla/\ud800", null, TimeProvider.System.GetUtcNow()), ct);
        await trail.Log.RecordAsync(new AuditEntry("test-admin", "device.create", "overhalla/d3", "x" + new string('y', 5_000), TimeProvider.System.GetUtcNow()), ct);

        await Eventually.UntilAsync(async c => await reader.CountAsync("audit", "target", c) == 2, Deadline, "the two storable entries", ct);
        await Eventually.UntilAsync(() => trail.Log.Dropped == 1, Deadline, "one entry counted as not stored", ct);
        Assert.Single(trail.Logs.GetSnapshot(), r => r.Id.Id == 9005);
        var details = await reader.RowsAsync("SELECT \"details\" FROM \"audit\" WHERE \"target\" = 'overhalla/d3'", ct);
        Assert.Equal(AuditPoint.MaxDetails, Assert.Single(details).Series.GetString(details[0].Row, "details")!.Length);
    }

    [Fact]
    public async Task When_the_buffer_is_full_an_entry_is_logged_at_once_and_counted()
    {
        var ct = TestContext.Current.CancellationToken;
        // Not started: nothing drains the buffer.
        await using var trail = new AuditTrail(GatewayFactory.DeadInfluxUrl(), "nowhere", new Dictionary<string, string?> { ["Audit:BufferCapacity"] = "100" });

        for (var i = 0; i < 101; i++)
        {
            await trail.Log.RecordAsync(new AuditEntry("test-admin", "device.create", $"overhalla/d{i.ToString(CultureInfo.InvariantCulture)}", null, TimeProvider.System.GetUtcNow()), ct);
        }

        Assert.Equal(1, trail.Log.Dropped);
        var full = Assert.Single(trail.Logs.GetSnapshot(), r => r.Id.Id == 9002);
        Assert.Contains("overhalla/d100", full.Message, StringComparison.Ordinal);
    }
}
