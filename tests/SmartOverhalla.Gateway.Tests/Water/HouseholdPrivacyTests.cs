using System.Net;
using System.Text;
using System.Text.Json;
using SmartOverhalla.DerivedSeries.Water;
using SmartOverhalla.Gateway.Tests.Infrastructure;
using SmartOverhalla.Testing.Servers;

namespace SmartOverhalla.Gateway.Tests.Water;

/// <summary>Re-identification on the real gateway: the household role, a stated purpose, the audit log and the access log.</summary>
public sealed class HouseholdPrivacyTests(InfluxFixture influx) : IClassFixture<InfluxFixture>
{
    private const string Purpose = "Faktura mars 2026, klage fra abonnent";

    [Fact]
    public async Task Without_the_household_role_a_look_up_is_forbidden_even_for_an_admin_and_without_a_purpose_it_is_refused()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var water = await WaterGateway.StartAsync(influx.Url, ct);
        await water.ImportMetersAsync(ct);
        var address = $"/api/v1/water/meters/{water.Municipality}/hh-0001/address";
        var history = $"/api/v1/water/households/{water.Municipality}/hh-0001/consumption?from=2026-03-01&to=2026-03-02";

        foreach (var key in new[] { TestApiKeys.Admin, TestApiKeys.Operator, TestApiKeys.Planner, TestApiKeys.Service })
        {
            using var client = water.Client(key);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"{address}?purpose={Uri.EscapeDataString(Purpose)}", ct)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"{history}&purpose={Uri.EscapeDataString(Purpose)}", ct)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/api/v1/water/privacy/access-log?address=x&purpose={Uri.EscapeDataString(Purpose)}", ct)).StatusCode);
        }

        using var household = water.Client(WaterGateway.Household);
        foreach (var path in new[] { address, $"{address}?purpose=faktura", history, $"{history}&purpose=%20%20%20" })
        {
            using var refused = await household.GetAsync(path, ct);
            using var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync(ct));
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty("purpose", out _), path);
        }

        using var inflow = await household.GetAsync($"/api/v1/water/meters/{water.Municipality}/inflow-d01/address?purpose={Uri.EscapeDataString(Purpose)}", ct);
        Assert.Equal(HttpStatusCode.NotFound, inflow.StatusCode);

        // Nothing was shown, so nothing was audited: the look-ups above leave no water.address.lookup entry.
        using var adminWithRole = water.Client(WaterGateway.AdminAndHousehold);
        Assert.Equal(HttpStatusCode.OK, (await adminWithRole.GetAsync($"{address}?purpose={Uri.EscapeDataString(Purpose)}", ct)).StatusCode);
        var entry = Assert.Single(await water.AuditEventuallyAsync("water.address.lookup", 1, ct));
        Assert.Equal((WaterGateway.AdminAndHouseholdName, $"{water.Municipality}/hh-0001", Purpose), entry);
        water.Factory.AssertNoUnexpectedErrors();
    }

    [Fact]
    public async Task An_allowed_look_up_is_audited_with_its_purpose_and_appears_in_the_access_log_of_the_address()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var water = await WaterGateway.StartAsync(influx.Url, ct);
        await water.ImportMetersAsync(ct);
        using var household = water.Client(WaterGateway.Household);

        using var lookUp = JsonDocument.Parse(await household.GetStringAsync(
            $"/api/v1/water/meters/{water.Municipality}/hh-0002/address?purpose={Uri.EscapeDataString("  " + Purpose + " ")}", ct));
        using var history = await household.GetAsync(
            $"/api/v1/water/households/{water.Municipality}/hh-0002/consumption?from=2026-03-01&to=2026-03-31&purpose={Uri.EscapeDataString("Avlesning ved flytting")}", ct);

        Assert.Equal("Skage; gnr. 3 bnr. 14", lookUp.RootElement.GetProperty("address").GetString());
        Assert.Equal(HttpStatusCode.OK, history.StatusCode);

        // The audit series (in InfluxDB) names the meter and the purpose, never the address.
        var audited = await water.AuditEventuallyAsync("water.address.lookup", 1, ct);
        Assert.Equal((WaterGateway.HouseholdName, $"{water.Municipality}/hh-0002", Purpose), Assert.Single(audited));
        await water.AuditEventuallyAsync("water.household.history", 1, ct);
        var everything = await water.Influx.RowsAsync("SELECT * FROM \"audit\"", ct);
        Assert.DoesNotContain(everything, r => Enumerable.Range(0, r.Series.Columns.Count).Select(c => r.Series.GetValue(r.Row, c))
            .Any(v => v.ValueKind == JsonValueKind.String && v.GetString()!.Contains("Skage", StringComparison.Ordinal)));

        // The resident asks who has seen their data: spelling and case of the address do not matter.
        using var log = JsonDocument.Parse(await household.GetStringAsync(
            $"/api/v1/water/privacy/access-log?address={Uri.EscapeDataString("skage;  GNR. 3 bnr. 14")}&purpose={Uri.EscapeDataString("Innsynsbegjæring fra beboer")}", ct));
        var accesses = log.RootElement.GetProperty("accesses").EnumerateArray().ToList();
        Assert.Equal(["water.address.lookup", "water.household.history"], accesses.Select(a => a.GetProperty("action").GetString()));
        Assert.All(accesses, a => Assert.Equal(WaterGateway.HouseholdName, a.GetProperty("actor").GetString()));
        Assert.Equal([Purpose, "Avlesning ved flytting"], accesses.Select(a => a.GetProperty("purpose").GetString()));
        Assert.All(accesses, a => Assert.Equal("hh-0002", a.GetProperty("meter").GetString()));
        Assert.Equal("hh-0002", Assert.Single(log.RootElement.GetProperty("meters").EnumerateArray()).GetProperty("meter").GetString());

        // Looking at the access log is a look-up too, and the next access log shows it.
        await water.AuditEventuallyAsync("water.privacy.access-log", 1, ct);
        using var second = JsonDocument.Parse(await household.GetStringAsync(
            $"/api/v1/water/privacy/access-log?address={Uri.EscapeDataString("Skage; gnr. 3 bnr. 14")}&purpose={Uri.EscapeDataString("Innsynsbegjæring fra beboer")}", ct));
        Assert.Equal("water.privacy.access-log", second.RootElement.GetProperty("accesses").EnumerateArray().Last().GetProperty("action").GetString());
        water.Factory.AssertNoUnexpectedErrors();
    }

    [Fact]
    public async Task One_households_history_is_what_the_series_holds_as_JSON_and_as_Norwegian_CSV()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var water = await WaterGateway.StartAsync(influx.Url, ct);
        await water.ImportMetersAsync(ct);
        var series = new WaterConsumptionSeries(water.Influx.Writer, water.Influx.Query);

        // 2 and 3 March 2026, local midnight = 23:00 UTC the day before (CET).
        await series.WriteMetersAsync(water.Municipality, WaterPeriod.Day, [
            new MeterConsumptionRow(new DateTimeOffset(2026, 3, 1, 23, 0, 0, TimeSpan.Zero), "hh-0001", "d01", 312.5, 0),
            new MeterConsumptionRow(new DateTimeOffset(2026, 3, 2, 23, 0, 0, TimeSpan.Zero), "hh-0001", "d01", 140.25, 40.125),
            new MeterConsumptionRow(new DateTimeOffset(2026, 3, 2, 23, 0, 0, TimeSpan.Zero), "hh-0003", "d02", 999, 0),
        ], ct);
        using var household = water.Client(WaterGateway.Household);
        var path = $"/api/v1/water/households/{water.Municipality}/hh-0001/consumption?from=2026-03-02&to=2026-03-03&period=day&purpose={Uri.EscapeDataString(Purpose)}";

        using var json = JsonDocument.Parse(await household.GetStringAsync(path, ct));
        var rows = json.RootElement.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(["2026-03-02T00:00:00+01:00", "2026-03-03T00:00:00+01:00"], rows.Select(r => r.GetProperty("start").GetString()));
        Assert.Equal([312.5, 140.25], rows.Select(r => r.GetProperty("litres").GetDouble()));
        Assert.Equal([0, 40.125], rows.Select(r => r.GetProperty("estimatedL").GetDouble()));

        var csv = await household.GetByteArrayAsync(path + "&format=csv", ct);
        Assert.Equal(Encoding.UTF8.GetPreamble(), csv[..3]);
        Assert.Equal("start;litres;estimatedL\r\n2026-03-02;312,5;0\r\n2026-03-03;140,25;40,125\r\n", Encoding.UTF8.GetString(csv, 3, csv.Length - 3));
        water.Factory.AssertNoUnexpectedErrors();
    }
}
