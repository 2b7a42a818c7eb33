using System.Net;
using System.Text.Json;
using SmartOverhalla.Gateway.Tests.Infrastructure;
using SmartOverhalla.Testing;
using SmartOverhalla.Testing.Servers;

namespace SmartOverhalla.Gateway.Tests.Lighting;

/// <summary>The operator's read API of lighting control, on the real gateway with the repo's zones file.</summary>
public sealed class LightingEndpointTests(InfluxFixture influx) : IClassFixture<InfluxFixture>
{
    [Fact]
    public async Task The_plan_of_a_January_night_lists_the_profile_steps_in_order_with_UTC_and_Oslo_times()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var gateway = GatewayFactory.Embedded(influx.Url, out _).Start();
        using var client = gateway.CreateClientWithKey(TestApiKeys.Operator);

        using var response = await client.GetAsync(new Uri("/api/v1/lighting/zones/ranemsletta-sentrum/plan?date=2026-01-14", UriKind.Relative), ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var plan = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
        var steps = plan.RootElement.GetProperty("steps").EnumerateArray().ToList();
        Assert.Equal("ranemsletta-sentrum", plan.RootElement.GetProperty("zoneId").GetString());
        Assert.Equal("weekday", plan.RootElement.GetProperty("dayType").GetString());
        Assert.Equal([100, 50, 100, 0], steps.Select(s => s.GetProperty("level").GetInt32()));
        var utc = steps.Select(s => s.GetProperty("utc").GetDateTimeOffset()).ToList();
        Assert.Equal(utc.Order(), utc);
        Assert.All(steps, s => Assert.Equal(
            s.GetProperty("utc").GetDateTimeOffset().ToOffset(TimeSpan.FromHours(1)).DateTime,
            s.GetProperty("local").GetDateTimeOffset().DateTime));
        Assert.Equal("23:00", steps[1].GetProperty("rule").GetString());
    }

    [Theory]
    [InlineData("/api/v1/lighting/zones/no-such-zone/plan", HttpStatusCode.NotFound, "no-such-zone")]
    [InlineData("/api/v1/lighting/zones/ranemsletta-sentrum/plan?date=2026-13-01", HttpStatusCode.BadRequest, "yyyy-MM-dd")]
    [InlineData("/api/v1/lighting/zones/ranemsletta-sentrum/plan?date=tomorrow", HttpStatusCode.BadRequest, "tomorrow")]
    public async Task A_bad_plan_request_gets_problem_details_naming_the_problem(string path, HttpStatusCode status, string named)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var gateway = GatewayFactory.Embedded(influx.Url, out _).Start();
        using var client = gateway.CreateClientWithKey(TestApiKeys.Operator);

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), ct);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
        Assert.Contains(named, problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_zones_of_the_repo_file_are_listed()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var gateway = GatewayFactory.Embedded(influx.Url, out _).Start();
        using var client = gateway.CreateClientWithKey(TestApiKeys.Operator);

        using var zones = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/v1/lighting/zones", UriKind.Relative), ct));

        var ids = zones.RootElement.EnumerateArray().Select(z => z.GetProperty("id").GetString()).ToList();
        Assert.Contains("ranemsletta-sentrum", ids);
        Assert.Equal(ids.Distinct().Count(), ids.Count);
    }

    [Fact]
    public async Task An_invalid_zones_file_stops_the_start_naming_the_zone_and_the_problem()
    {
        using var folder = new TempDirectory("so-zones-");
        var file = folder.File("zones.yaml");
        await File.WriteAllTextAsync(file, """
            municipality: overhalla
            zones:
              - id: sentrum
                name: Sentrum
                latitude: 64.5
                longitude: 11.9
                lights: { prefixes: [lys-] }
                profiles: { default: standard }
            profiles:
              - id: standard
                steps:
                  - { at: sunset, level: 140 }
            """, TestContext.Current.CancellationToken);
        await using var app = GatewayApplication.Build(new Dictionary<string, string?>
        {
            ["Broker:Embedded:Port"] = SmartOverhalla.Testing.FreeTcpPort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["InfluxDb:Url"] = influx.Url.ToString(),
            ["Lighting:ZonesFile"] = file,
            ["Lighting:StateFile"] = file + ".state.json",
        });

        var error = await Assert.ThrowsAnyAsync<Exception>(() => app.StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains("140", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("standard", error.ToString(), StringComparison.Ordinal);
    }
}
