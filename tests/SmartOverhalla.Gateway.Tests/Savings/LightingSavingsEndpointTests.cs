using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SmartOverhalla.Gateway.Tests.Infrastructure;
using SmartOverhalla.Testing.Servers;
using SmartOverhalla.Testing.Lighting;
using static SmartOverhalla.Testing.Lighting.SyntheticLight;

namespace SmartOverhalla.Gateway.Tests.Savings;

/// <summary>
/// The savings API on the real gateway and a real InfluxDB: rows computed from <see cref="SavingsTown"/>'s two days
/// (figures worked out there and in the analytics host's LightingSavingsJobTests) by the analytics host's savings job, and problem details for bad requests.
/// </summary>
public sealed class LightingSavingsEndpointTests(InfluxFixture influxServer) : IClassFixture<InfluxFixture>
{
    private const int Precision = 9;

    [Fact]
    public async Task The_API_returns_each_zones_days_and_month_and_each_lights_day_with_totals()
    {
        var ct = TestContext.Current.CancellationToken;
        using var town = await SavingsTown.CreateAsync(influxServer.Url, ct);
        await SavingsComputed.DaysAsync(town, influxServer.Url, ct, SavingsTown.FirstDay, SavingsTown.FirstDay.AddDays(1));
        await using var app = await StartAsync(town, ct);
        using var client = app.GetTestClient().WithKey(TestApiKeys.Planner);

        // Days of one zone.
        using var sor = await GetJsonAsync(client, "/api/v1/lighting/savings?from=2026-01-14&to=2026-01-15&zone=sor", ct);
        var sorRows = sor.RootElement.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(["2026-01-14", "2026-01-15"], sorRows.Select(r => r.GetProperty("date").GetString()));
        Assert.All(sorRows, r => Assert.Equal("sor", r.GetProperty("zone").GetString()));
        Assert.Equal(0.636, sorRows[0].GetProperty("savedKWh").GetDouble(), Precision);
        Assert.Equal(0.954, sorRows[0].GetProperty("savedNok").GetDouble(), Precision);
        Assert.Equal(1.272, sor.RootElement.GetProperty("total").GetProperty("savedKWh").GetDouble(), Precision);

        // Every zone, the days defaulting to the current month up to today (the clock says 16 January).
        using var all = await GetJsonAsync(client, "/api/v1/lighting/savings", ct);
        Assert.Equal("2026-01-01", all.RootElement.GetProperty("from").GetString());
        Assert.Equal("2026-01-16", all.RootElement.GetProperty("to").GetString());
        Assert.Equal(town.Municipality, all.RootElement.GetProperty("municipality").GetString());
        Assert.Equal(6, all.RootElement.GetProperty("rows").GetArrayLength());
        var total = all.RootElement.GetProperty("total");
        Assert.Equal(2 * 2.840, total.GetProperty("energyKWh").GetDouble(), Precision); // 1.232 + 0.644 + 0.964 a day
        Assert.Equal(2 * 3.872, total.GetProperty("baselineKWh").GetDouble(), Precision); // 1.632 + 1.280 + 0.960 a day
        Assert.Equal(2 * 1.548, total.GetProperty("savedNok").GetDouble(), Precision); // 1.032 kWh × 1.50 a day

        // The month, asked for from the middle of it.
        using var month = await GetJsonAsync(client, "/api/v1/lighting/savings?period=month&from=2026-01-15&to=2026-01-31&zone=nord", ct);
        var nord = Assert.Single(month.RootElement.GetProperty("rows").EnumerateArray());
        Assert.Equal("month", month.RootElement.GetProperty("period").GetString());
        Assert.Equal("2026-01-01", nord.GetProperty("date").GetString());
        Assert.Equal(2.464, nord.GetProperty("energyKWh").GetDouble(), Precision);
        Assert.Equal(3.264, nord.GetProperty("baselineKWh").GetDouble(), Precision);
        Assert.Equal(0.016, nord.GetProperty("savedCo2Kg").GetDouble(), Precision);
        Assert.Equal(2, nord.GetProperty("lights").GetInt64());

        // Each light of one day.
        using var lights = await GetJsonAsync(client, "/api/v1/lighting/savings/lights?date=2026-01-14", ct);
        var byLight = lights.RootElement.GetProperty("lights").EnumerateArray().ToDictionary(l => l.GetProperty("light").GetString()!, StringComparer.Ordinal);
        Assert.Equal(["gate-1", "nord-1", "nord-2", "sor-1"], byLight.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(41, byLight["nord-2"].GetProperty("ratedPowerW").GetDouble());
        Assert.Equal("learned", byLight["nord-2"].GetProperty("ratedPowerSource").GetString());
        Assert.Equal(0.16, byLight["nord-2"].GetProperty("savedKWh").GetDouble(), Precision);
        Assert.Equal("zone", byLight["sor-1"].GetProperty("ratedPowerSource").GetString());
        Assert.Equal("_unzoned", byLight["gate-1"].GetProperty("zone").GetString());
        Assert.Equal(-0.004, byLight["gate-1"].GetProperty("savedKWh").GetDouble(), Precision);
        app.AssertNoErrors();
    }

    [Theory]
    [InlineData("/api/v1/lighting/savings?from=2026-01-15&to=2026-01-14", HttpStatusCode.BadRequest, "from")]
    [InlineData("/api/v1/lighting/savings?from=2025-01-01&to=2026-03-01", HttpStatusCode.BadRequest, "to")]
    [InlineData("/api/v1/lighting/savings?from=14.01.2026&to=2026-01-20", HttpStatusCode.BadRequest, "from")]
    [InlineData("/api/v1/lighting/savings?to=2026-02-30", HttpStatusCode.BadRequest, "to")]
    [InlineData("/api/v1/lighting/savings?period=week", HttpStatusCode.BadRequest, "period")]
    [InlineData("/api/v1/lighting/savings/lights?date=yesterday", HttpStatusCode.BadRequest, "date")]
    [InlineData("/api/v1/lighting/savings?zone=nowhere", HttpStatusCode.NotFound, "nowhere")]
    [InlineData("/api/v1/lighting/savings/lights?zone=nowhere", HttpStatusCode.NotFound, "nowhere")]
    public async Task A_bad_savings_request_gets_problem_details_naming_the_parameter(string path, HttpStatusCode status, string named)
    {
        var ct = TestContext.Current.CancellationToken;
        using var town = await SavingsTown.CreateAsync(influxServer.Url, ct);
        await using var app = await StartAsync(town, ct);
        using var client = app.GetTestClient().WithKey(TestApiKeys.Planner);

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), ct);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
        if (status == HttpStatusCode.BadRequest)
        {
            Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(named, out _), $"no error for '{named}' in {problem.RootElement}");
        }

        Assert.Contains(named, problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_savings_endpoints_are_described_in_the_OpenAPI_document()
    {
        var ct = TestContext.Current.CancellationToken;
        using var town = await SavingsTown.CreateAsync(influxServer.Url, ct);
        await using var app = await StartAsync(town, ct);
        using var client = app.GetTestClient().WithKey(TestApiKeys.Planner);

        using var document = await GetJsonAsync(client, "/openapi/v1.json", ct);

        foreach (var path in new[] { "/api/v1/lighting/savings", "/api/v1/lighting/savings/lights" })
        {
            var get = document.RootElement.GetProperty("paths").GetProperty(path).GetProperty("get");
            Assert.Equal("Lighting", Assert.Single(get.GetProperty("tags").EnumerateArray()).GetString());
            Assert.False(string.IsNullOrWhiteSpace(get.GetProperty("summary").GetString()));
            Assert.False(string.IsNullOrWhiteSpace(get.GetProperty("description").GetString()));
            foreach (var code in new[] { "200", "400", "404" })
            {
                Assert.True(get.GetProperty("responses").TryGetProperty(code, out _), $"{path} does not describe {code}.");
            }
        }
    }

    /// <summary>The gateway at 03:00 on 16 January 2026.</summary>
    private Task<WebApplication> StartAsync(SavingsTown town, CancellationToken ct) =>
        SavingsGateway.StartAsync(influxServer.Url, town.Database, town.ZonesFile, new FakeTimeProvider(Oslo(2026, 1, 16, 3)), ct);

    private static async Task<JsonDocument> GetJsonAsync(HttpClient client, string path, CancellationToken ct)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body);
    }
}
