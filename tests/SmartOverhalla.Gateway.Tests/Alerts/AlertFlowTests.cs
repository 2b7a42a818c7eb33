using System.Text.Json;
using SmartOverhalla.Gateway.Tests.Lighting;
using SmartOverhalla.Testing;
using SmartOverhalla.Testing.Http;
using SmartOverhalla.Testing.Servers;

namespace SmartOverhalla.Gateway.Tests.Alerts;

/// <summary>
/// Alerts end to end in the real gateway: lights on a real Mosquitto report faults and acks, alerts land in a
/// real InfluxDB, the API and a real webhook receiver on 127.0.0.1.
/// </summary>
public sealed class AlertFlowTests(MosquittoFixture mosquitto, InfluxFixture influx)
    : IClassFixture<MosquittoFixture>, IClassFixture<InfluxFixture>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    private static DateTimeOffset WholeSecondsAgo(TimeSpan ago)
    {
        var t = TimeProvider.System.GetUtcNow() - ago;
        return new DateTimeOffset(t.Ticks - (t.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
    }

    private static string Text(JsonElement alert, string property) => alert.GetProperty(property).GetString()!;

    private static bool Is(WebhookRequest request, string device) => Text(request.Json, "device") == device;

    [Fact]
    public async Task A_lamp_failure_and_a_driver_fault_reported_by_a_light_become_alerts_in_InfluxDB_the_API_and_the_webhook_and_recovered_clears_both()
    {
        var ct = TestContext.Current.CancellationToken;
        var municipality = TestNames.Municipality();
        var database = TestNames.Database();
        await using var receiver = await WebhookReceiver.StartAsync(ct);
        using var state = new TempDirectory("so-alerts-");
        await using var gateway = await AlertsGateway.StartAsync(mosquitto.Server.Port, influx.Url, database, state.File("lighting-state.json"), new SettablePolicy(municipality), receiver.Url, ct);
        await using var lights = await TestLight.ConnectAsync(mosquitto.Server.Port, municipality, ct);
        await lights.OnlineAsync("lys-1", ct);
        await Eventually.UntilAsync(() => gateway.Store.Find(municipality, "lys-1") is not null, Deadline, "the gateway to hear the light", ct);
        var failedAt = WholeSecondsAgo(TimeSpan.FromMinutes(2));

        // When the light reports a lamp failure, a driver fault, and the lamp failure once more
        await lights.EventAsync("lys-1", "lampFailure", failedAt, "no lamp current at 100 %", ct);
        await lights.EventAsync("lys-1", "driverFault", failedAt.AddSeconds(1), "draws 61.3 W at 30 %, expected about 19.0 W", ct);
        await lights.EventAsync("lys-1", "lampFailure", failedAt.AddSeconds(2), "no lamp current at 100 %", ct);

        // Then the API has two open alerts, at the light's own times, in plain bokmål
        var openQuery = $"municipality={municipality}&active=true";
        await Eventually.UntilAsync(async c => (await gateway.AlertsAsync(openQuery, c)).Count == 2, Deadline, "two open alerts in the API", ct);
        var open = await gateway.AlertsAsync(openQuery, ct);
        var lamp = open.Single(a => Text(a, "type") == "lampFailure");
        Assert.Equal(("streetlight", "lys-1", "critical", "Lampen er defekt"), (Text(lamp, "kind"), Text(lamp, "device"), Text(lamp, "severity"), Text(lamp, "message")));
        Assert.Equal(failedAt, lamp.GetProperty("raisedAt").GetDateTimeOffset());
        Assert.True(lamp.GetProperty("active").GetBoolean());
        Assert.Equal("deviceEvent", Text(lamp.GetProperty("source"), "origin"));
        Assert.Equal("no lamp current at 100 %", Text(lamp.GetProperty("source"), "detail"));
        var driver = open.Single(a => Text(a, "type") == "driverFault");
        Assert.Equal(("warning", "Driverfeil: strømforbruket passer ikke med dimmenivået"), (Text(driver, "severity"), Text(driver, "message")));
        Assert.Equal(failedAt.AddSeconds(1), driver.GetProperty("raisedAt").GetDateTimeOffset());
        Assert.Single(await gateway.AlertsAsync($"municipality={municipality}&type=driverFault", ct));

        // When the light recovers
        var recoveredAt = failedAt.AddMinutes(1);
        await lights.EventAsync("lys-1", "recovered", recoveredAt, null, ct);

        // Then both alerts are cleared at the light's time
        var clearedQuery = $"municipality={municipality}&device=lys-1&active=false";
        await Eventually.UntilAsync(async c => (await gateway.AlertsAsync(clearedQuery, c)).Count == 2, Deadline, "both alerts cleared", ct);
        var cleared = await gateway.AlertsAsync(clearedQuery, ct);
        Assert.All(cleared, a => Assert.Equal(recoveredAt, a.GetProperty("clearedAt").GetDateTimeOffset()));
        Assert.All(cleared, a => Assert.Equal("recovered", Text(a, "clearedBy")));
        Assert.Equal("Lampen virker igjen", Text(cleared.Single(a => Text(a, "type") == "lampFailure"), "clearedMessage"));
        Assert.Empty(await gateway.AlertsAsync(openQuery, ct));

        // Sentinel: another light's failure, reported after all of the above, reaches the webhook
        await lights.EventAsync("lys-2", "lampFailure", recoveredAt, null, ct);
        await Eventually.UntilAsync(() => receiver.Delivered.Any(r => Is(r, "lys-2")), Deadline, "the sentinel alert at the webhook", ct);

        // Then the webhook got exactly one POST per raise and per clear of lys-1, each the API's JSON of the alert
        var posts = receiver.Requests.Where(r => Is(r, "lys-1")).ToList();
        Assert.Equal(
            ["lampFailure raised", "driverFault raised", "lampFailure cleared", "driverFault cleared"],
            posts.Select(p => $"{Text(p.Json, "type")} {(p.Json.GetProperty("active").GetBoolean() ? "raised" : "cleared")}"));
        Assert.All(posts, p => Assert.Equal("application/json; charset=utf-8", p.ContentType));
        Assert.All(posts, p => Assert.Equal($"{Text(p.Json, "id")}-{(p.Json.GetProperty("active").GetBoolean() ? "raised" : "cleared")}", p.IdempotencyKey));
        Assert.Equal(
            ["id", "domain", "municipality", "kind", "device", "type", "severity", "message", "raisedAt", "source", "values", "updatedAt", "clearedAt", "clearedBy", "clearedMessage", "active"],
            posts[0].Json.EnumerateObject().Select(p => p.Name));
        Assert.True(JsonElement.DeepEquals(lamp, posts[0].Json), "the raised lamp alert's POST differs from the API's JSON");
        Assert.True(JsonElement.DeepEquals(cleared.Single(a => Text(a, "type") == "driverFault"), posts[3].Json), "the cleared driver alert's POST differs from the API's JSON");

        // And InfluxDB has the raise and the clear of each, at the light's times
        using var reader = new InfluxTestClient(influx.Url, database);
        var points = await AlertPointsAsync(reader, municipality, "lys-1", 4, ct);
        Assert.Equal(
            [("lampFailure", true, failedAt), ("driverFault", true, failedAt.AddSeconds(1)), ("driverFault", false, recoveredAt), ("lampFailure", false, recoveredAt)],
            points.Select(p => (p.Type, p.Active, p.Time)).OrderBy(p => p.Time).ThenBy(p => p.Type, StringComparer.Ordinal));
        Assert.DoesNotContain(gateway.Logs.Entries, e => e.Message.Contains(WebhookReceiver.Token, StringComparison.Ordinal));
        gateway.Logs.AssertNoUnexpectedErrors();
    }

    [Fact]
    public async Task An_unresponsive_light_raises_an_alert_and_a_later_applied_ack_clears_it()
    {
        var ct = TestContext.Current.CancellationToken;
        var municipality = TestNames.Municipality();
        var database = TestNames.Database();
        var policy = new SettablePolicy(municipality);
        await using var receiver = await WebhookReceiver.StartAsync(ct);
        await using var fleet = await TestLightFleet.StartAsync(mosquitto.Server.Host, mosquitto.Server.Port, municipality, 2, new HashSet<string> { "lys-00002" }, ct);
        using var state = new TempDirectory("so-alerts-");
        await using var gateway = await AlertsGateway.StartAsync(mosquitto.Server.Port, influx.Url, database, state.File("lighting-state.json"), policy, receiver.Url, ct);
        await Eventually.UntilAsync(() => gateway.Store.All.Count(s => s.Municipality == municipality) == 2, Deadline, "the gateway to know the lights", ct);

        // When the zone steps to 80 % and one light never acks
        policy.Set(80);

        // Then it is alerted as unresponsive, naming the command it did not answer
        var openQuery = $"municipality={municipality}&type=unresponsive&active=true";
        await Eventually.UntilAsync(async c => (await gateway.AlertsAsync(openQuery, c)).Count == 1, Deadline, "the unresponsive alert in the API", ct);
        var alert = Assert.Single(await gateway.AlertsAsync(openQuery, ct));
        var cmdId = Assert.Single(fleet.CommandsTo("lys-00002").Select(c => c.CmdId).Distinct());
        Assert.Equal(("lys-00002", "warning", "Lyset svarer ikke på kommandoer"), (Text(alert, "device"), Text(alert, "severity"), Text(alert, "message")));
        Assert.Equal(("commandSilence", cmdId, 3), (Text(alert.GetProperty("source"), "origin"), Text(alert.GetProperty("source"), "cmdId"), alert.GetProperty("source").GetProperty("attempts").GetInt32()));

        // When the light acks after all
        await using var late = await TestLight.ConnectAsync(mosquitto.Server.Port, municipality, ct);
        await late.AckAsync("lys-00002", cmdId, 80, ct);

        // Then the alert is cleared, and the light's twin is responsive with the acked level
        var clearedQuery = $"municipality={municipality}&device=lys-00002&active=false";
        await Eventually.UntilAsync(async c => (await gateway.AlertsAsync(clearedQuery, c)).Count == 1, Deadline, "the alert cleared", ct);
        var cleared = Assert.Single(await gateway.AlertsAsync(clearedQuery, ct));
        Assert.Equal((Text(alert, "id"), "ack", "Lyset svarer igjen"), (Text(cleared, "id"), Text(cleared, "clearedBy"), Text(cleared, "clearedMessage")));
        Assert.True(cleared.GetProperty("clearedAt").GetDateTimeOffset() > alert.GetProperty("raisedAt").GetDateTimeOffset());
        var twin = gateway.Store.Find(municipality, "lys-00002")!;
        Assert.Equal((false, 80), (twin.Unresponsive, twin.AckedLevel));

        // Sentinel, then: one POST for the raise and one for the clear; a raise and a clear point in InfluxDB
        await late.EventAsync("lys-00001", "lampFailure", WholeSecondsAgo(TimeSpan.Zero), null, ct);
        await Eventually.UntilAsync(() => receiver.Delivered.Any(r => Is(r, "lys-00001")), Deadline, "the sentinel alert at the webhook", ct);
        Assert.Equal([true, false], receiver.Requests.Where(r => Is(r, "lys-00002")).Select(r => r.Json.GetProperty("active").GetBoolean()));
        using var reader = new InfluxTestClient(influx.Url, database);
        var points = await AlertPointsAsync(reader, municipality, "lys-00002", 2, ct);
        Assert.Equal([true, false], points.OrderBy(p => p.Time).Select(p => p.Active));
        Assert.Equal(cmdId, points.OrderBy(p => p.Time).First().CmdId);
        gateway.Logs.AssertNoUnexpectedErrors();
    }

    [Fact]
    public async Task An_open_lamp_failure_survives_a_gateway_restart_and_the_repeated_event_raises_no_second_alert()
    {
        var ct = TestContext.Current.CancellationToken;
        var municipality = TestNames.Municipality();
        var database = TestNames.Database();
        using var state = new TempDirectory("so-alerts-");
        var stateFile = state.File("lighting-state.json");
        var failedAt = WholeSecondsAgo(TimeSpan.FromMinutes(1));
        await using var receiver = await WebhookReceiver.StartAsync(ct);
        await using var lights = await TestLight.ConnectAsync(mosquitto.Server.Port, municipality, ct);
        string id;
        await using (var first = await AlertsGateway.StartAsync(mosquitto.Server.Port, influx.Url, database, stateFile, new SettablePolicy(municipality), receiver.Url, ct))
        {
            await lights.OnlineAsync("lys-1", ct);
            await Eventually.UntilAsync(() => first.Store.Find(municipality, "lys-1") is not null, Deadline, "the gateway to hear the light", ct);
            await lights.EventAsync("lys-1", "lampFailure", failedAt, "no lamp current at 100 %", ct);
            await Eventually.UntilAsync(() => receiver.Delivered.Count == 1, Deadline, "the alert at the webhook", ct);
            id = Text(Assert.Single(await first.AlertsAsync($"municipality={municipality}", ct)), "id");
        }

        // When a new gateway starts from the saved state
        await using var second = await AlertsGateway.StartAsync(mosquitto.Server.Port, influx.Url, database, stateFile, new SettablePolicy(municipality), receiver.Url, ct);

        // Then the alert is open at once; and the light repeating its event (as after a re-delivery) raises nothing new
        Assert.Equal(id, Text(Assert.Single(await second.AlertsAsync($"municipality={municipality}&active=true", ct)), "id"));
        await lights.EventAsync("lys-1", "lampFailure", failedAt, "no lamp current at 100 %", ct);
        await lights.EventAsync("lys-2", "lampFailure", failedAt, null, ct);
        await Eventually.UntilAsync(() => receiver.Delivered.Any(r => Is(r, "lys-2")), Deadline, "the sentinel alert at the webhook", ct);
        Assert.Equal(id, Text(Assert.Single(await second.AlertsAsync($"municipality={municipality}&device=lys-1", ct)), "id"));
        Assert.Single(receiver.Requests, r => Is(r, "lys-1"));
        second.Logs.AssertNoUnexpectedErrors();
    }

    private static async Task<IReadOnlyList<AlertRow>> AlertPointsAsync(InfluxTestClient reader, string municipality, string device, int count, CancellationToken ct)
    {
        IReadOnlyList<AlertRow> rows = [];
        await Eventually.UntilAsync(
            async c =>
            {
                var result = await reader.RowsAsync($"SELECT * FROM \"alert\" WHERE \"municipality\" = '{municipality}' AND \"device\" = '{device}'", c);
                rows = [.. result.Select(r => new AlertRow(
                    r.Series.GetString(r.Row, "type")!,
                    r.Series.GetBoolean(r.Row, "active")!.Value,
                    r.Series.GetTime(r.Row),
                    r.Series.GetColumnIndex("cmdId") < 0 ? null : r.Series.GetString(r.Row, "cmdId")))];
                return rows.Count == count;
            },
            Deadline,
            $"{count} alert points of {device} in InfluxDB",
            ct);
        return rows;
    }

    private sealed record AlertRow(string Type, bool Active, DateTimeOffset Time, string? CmdId);
}
