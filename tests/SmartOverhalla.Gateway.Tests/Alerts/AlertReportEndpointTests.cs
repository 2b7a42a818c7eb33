using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SmartOverhalla.Contracts.Alerts;
using SmartOverhalla.Water.Alerts;
using SmartOverhalla.Gateway.Tests.Infrastructure;
using SmartOverhalla.Gateway.Tests.Lighting;
using SmartOverhalla.Influx;
using SmartOverhalla.Testing;
using SmartOverhalla.Testing.Http;
using SmartOverhalla.Testing.Servers;

namespace SmartOverhalla.Gateway.Tests.Alerts;

/// <summary>
/// <c>POST /api/v1/alerts/reports</c> on the real gateway (real broker and InfluxDB): a platform service's reports
/// raise, update and clear alerts of another domain in the same ledger, series and webhook as lighting's.
/// </summary>
public sealed class AlertReportEndpointTests(MosquittoFixture mosquitto, InfluxFixture influx)
    : IClassFixture<MosquittoFixture>, IClassFixture<InfluxFixture>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    /// <summary>The water domain's leak type, which the gateway registers beside lighting's.</summary>
    private static readonly AlertDefinition Leak = WaterAlertTypes.Leak;

    [Fact]
    public async Task A_services_reports_raise_update_and_clear_one_alert_in_the_ledger_the_series_and_the_webhook_and_repeats_change_nothing()
    {
        var ct = TestContext.Current.CancellationToken;
        var municipality = TestNames.Municipality();
        var database = TestNames.Database();
        using var state = new TempDirectory("so-alerts-");
        await using var receiver = await WebhookReceiver.StartAsync(ct);
        await using var gateway = await AlertsGateway.StartAsync(mosquitto.Server.Port, influx.Url, database, state.File("lighting-state.json"), new SettablePolicy(municipality), receiver.Url, ct);
        using var service = new HttpClient { BaseAddress = gateway.Http.BaseAddress }.WithKey(TestApiKeys.Service);
        // Four days back at 02:00 UTC: every report is in the past and within the ledger's memory of 7 days (a report of
        // a condition older than that raises nothing, so a fixed date here stopped working a week after it was written).
        var since = new DateTimeOffset(TimeProvider.System.GetUtcNow().UtcDateTime.Date, TimeSpan.Zero).AddDays(-4).AddHours(2);

        // When: the leak is found (since 02:00), found again with more litres lost, then found over; each report twice.
        var outcomes = new List<string>();
        foreach (var (state_, at, litres) in new[] { ("active", since.AddHours(22), 120.0), ("active", since.AddHours(46), 240.0), ("cleared", since.AddHours(50), 0.0) })
        {
            for (var repeat = 0; repeat < 2; repeat++)
            {
                var report = new Dictionary<string, object?>
                {
                    ["municipality"] = municipality, ["kind"] = "watermeter", ["device"] = "wm-17", ["type"] = "leak", ["state"] = state_,
                    ["at"] = at, ["since"] = state_ == "active" ? since : null, ["job"] = "water-leaks",
                    ["values"] = state_ == "active" ? new Dictionary<string, double> { ["estimatedLitresLost"] = litres } : null,
                };
                using var response = await service.PostAsJsonAsync(new Uri("/api/v1/alerts/reports", UriKind.Relative), new { reports = new[] { report } }, ct);
                var body = await response.Content.ReadAsStringAsync(ct);
                Assert.True(response.StatusCode == HttpStatusCode.OK, body);
                outcomes.Add(JsonDocument.Parse(body).RootElement.GetProperty("outcomes")[0].GetString()!);
            }
        }

        // Then: raised, updated, cleared once each; every repeat unchanged.
        Assert.Equal(["raised", "unchanged", "updated", "unchanged", "cleared", "unchanged"], outcomes);

        // And the API lists it under its domain, cleared, with its latest figures and where it came from.
        var alert = Assert.Single(await gateway.AlertsAsync($"domain=water&municipality={municipality}", ct));
        Assert.Equal("leak", alert.GetProperty("type").GetString());
        Assert.Equal(Leak.Message, alert.GetProperty("message").GetString());
        Assert.Equal(Leak.ClearedMessage, alert.GetProperty("clearedMessage").GetString());
        Assert.Equal("water-leaks", alert.GetProperty("clearedBy").GetString());
        Assert.Equal(since, alert.GetProperty("raisedAt").GetDateTimeOffset());
        Assert.Equal(240, alert.GetProperty("values").GetProperty("estimatedLitresLost").GetDouble());
        Assert.Equal("derivedData", alert.GetProperty("source").GetProperty("origin").GetString());
        Assert.Equal("water-leaks", alert.GetProperty("source").GetProperty("job").GetString());

        // And the alert series has the raise, the update and the clear, at their event times.
        using var reader = new InfluxTestClient(influx.Url, database);
        await Eventually.UntilAsync(async c => await reader.CountAsync("alert", "active", c, $"\"device\" = 'wm-17'") == 3, Deadline, "three alert points", ct);
        var points = await reader.RowsAsync($"SELECT \"active\", \"estimatedLitresLost\", \"domain\" FROM \"alert\" WHERE \"device\" = 'wm-17' AND \"type\" = 'leak' AND \"kind\" = 'watermeter' AND \"municipality\" = {InfluxQl.QuoteString(municipality)}", ct);
        Assert.Equal([since, since.AddHours(46), since.AddHours(50)], points.Select(p => p.Series.GetTime(p.Row)));
        Assert.Equal([true, true, false], points.Select(p => p.Series.GetBoolean(p.Row, "active")!.Value));
        Assert.Equal([120.0, 240.0], points.Take(2).Select(p => p.Series.GetDouble(p.Row, "estimatedLitresLost")!.Value));
        Assert.All(points, p => Assert.Equal("water", p.Series.GetString(p.Row, "domain")));

        // And the webhook heard the raise and the clear, not the update: a sentinel, another meter's leak reported after
        // everything else, arrives third.
        var sentinel = new Dictionary<string, object?>
        {
            ["municipality"] = municipality, ["kind"] = "watermeter", ["device"] = "wm-18", ["type"] = "leak", ["state"] = "active",
            ["at"] = since, ["job"] = "water-leaks",
        };
        using (var sent = await service.PostAsJsonAsync(new Uri("/api/v1/alerts/reports", UriKind.Relative), new { reports = new[] { sentinel } }, ct))
        {
            Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        }

        await Eventually.UntilAsync(() => receiver.Delivered.Any(r => r.Json.GetProperty("device").GetString() == "wm-18"), Deadline, "the sentinel at the webhook", ct);
        Assert.Equal(["wm-17 True", "wm-17 False", "wm-18 True"], receiver.Delivered.Select(r => $"{r.Json.GetProperty("device").GetString()} {r.Json.GetProperty("active").GetBoolean()}"));
        gateway.Logs.AssertNoUnexpectedErrors();
    }

    [Fact]
    public async Task A_bad_report_gets_a_400_naming_each_field_applies_nothing_and_only_a_service_key_may_report()
    {
        var ct = TestContext.Current.CancellationToken;
        var municipality = TestNames.Municipality();
        using var state = new TempDirectory("so-alerts-");
        await using var gateway = await AlertsGateway.StartAsync(mosquitto.Server.Port, influx.Url, TestNames.Database(), state.File("lighting-state.json"), new SettablePolicy(municipality), webhook: null, ct);
        using var service = new HttpClient { BaseAddress = gateway.Http.BaseAddress }.WithKey(TestApiKeys.Service);
        var now = TimeProvider.System.GetUtcNow();
        var good = Report(municipality, now.AddHours(-1));
        var reports = new object[]
        {
            good,
            Report(municipality, now.AddHours(-1), type: "flood"),
            Report("Overhalla!", now.AddHours(-1)),
            Report(municipality, now.AddHours(-1), device: "wm,17=x"),
            Report(municipality, now.AddHours(2)),
            Report(municipality, now.AddHours(-1), values: new Dictionary<string, double> { ["active"] = 1, ["Litres lost"] = 2, ["time"] = 3, ["municipality"] = 4 }),
            Report(municipality, now.AddDays(-401)),
            Report(municipality, now.AddHours(-1), state: 2),
        };

        using var response = await service.PostAsJsonAsync(new Uri("/api/v1/alerts/reports", UriKind.Relative), new { reports }, ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
        var errors = problem.RootElement.GetProperty("errors").EnumerateObject().ToDictionary(e => e.Name, e => e.Value.ToString());
        Assert.Equal(
            ["reports[1].type", "reports[2].municipality", "reports[3].device", "reports[4].at", "reports[5].values", "reports[6].at", "reports[7].state"],
            errors.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("watermeter/leak", errors["reports[1].type"], StringComparison.Ordinal);
        Assert.Contains("'active'", errors["reports[5].values"], StringComparison.Ordinal);
        Assert.Contains("'Litres lost'", errors["reports[5].values"], StringComparison.Ordinal);
        // A figure named like a tag would blank every query of the alert series; "time" would stop the recorder.
        Assert.Contains("'time'", errors["reports[5].values"], StringComparison.Ordinal);
        Assert.Contains("'municipality'", errors["reports[5].values"], StringComparison.Ordinal);
        Assert.Contains("400 days", errors["reports[6].at"], StringComparison.Ordinal);
        // Nothing of the batch was applied, not even its good report.
        Assert.Empty(await gateway.AlertsAsync($"domain=water&municipality={municipality}", ct));

        // Only the service role (or admin) may report; people's keys may not, and no key is a 401.
        using (var operatorResponse = await gateway.Http.PostAsJsonAsync(new Uri("/api/v1/alerts/reports", UriKind.Relative), new { reports = new[] { good } }, ct))
        {
            Assert.Equal(HttpStatusCode.Forbidden, operatorResponse.StatusCode);
        }

        using (var anonymous = new HttpClient { BaseAddress = gateway.Http.BaseAddress })
        using (var anonymousResponse = await anonymous.PostAsJsonAsync(new Uri("/api/v1/alerts/reports", UriKind.Relative), new { reports = new[] { good } }, ct))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, anonymousResponse.StatusCode);
        }

        // And the service key sees no alerts: it may report, nothing else.
        using (var read = await service.GetAsync(new Uri("/api/v1/alerts", UriKind.Relative), ct))
        {
            Assert.Equal(HttpStatusCode.Forbidden, read.StatusCode);
        }

        using var accepted = await service.PostAsJsonAsync(new Uri("/api/v1/alerts/reports", UriKind.Relative), new { reports = new[] { good } }, ct);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Single(await gateway.AlertsAsync($"domain=water&municipality={municipality}", ct));
        gateway.Logs.AssertNoUnexpectedErrors();
    }

    [Fact]
    public async Task A_condition_last_seen_before_the_ledgers_memory_is_history_and_raises_nothing()
    {
        var ct = TestContext.Current.CancellationToken;
        var municipality = TestNames.Municipality();
        using var state = new TempDirectory("so-alerts-");
        await using var gateway = await AlertsGateway.StartAsync(mosquitto.Server.Port, influx.Url, TestNames.Database(), state.File("lighting-state.json"), new SettablePolicy(municipality), webhook: null, ct);
        using var service = new HttpClient { BaseAddress = gateway.Http.BaseAddress }.WithKey(TestApiKeys.Service);

        // A backfill reports a leak seen eight days ago; cleared alerts are remembered for seven.
        using var response = await service.PostAsJsonAsync(
            new Uri("/api/v1/alerts/reports", UriKind.Relative), new { reports = new[] { Report(municipality, TimeProvider.System.GetUtcNow().AddDays(-8)) } }, ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("unchanged", JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct)).RootElement.GetProperty("outcomes")[0].GetString());
        Assert.Empty(await gateway.AlertsAsync($"domain=water&municipality={municipality}", ct));
        gateway.Logs.AssertNoUnexpectedErrors();
    }

    private static Dictionary<string, object?> Report(
        string municipality, DateTimeOffset at, string type = "leak", string device = "wm-17", Dictionary<string, double>? values = null, object? state = null) => new()
    {
        ["municipality"] = municipality, ["kind"] = "watermeter", ["device"] = device, ["type"] = type, ["state"] = state ?? "active",
        ["at"] = at, ["job"] = "water-leaks", ["values"] = values,
    };
}
