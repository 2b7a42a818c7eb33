using System.Net;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Time.Testing;
using SmartOverhalla.Gateway.Tests.Infrastructure;
using SmartOverhalla.Testing.Lighting;
using SmartOverhalla.Testing.Servers;
using static SmartOverhalla.Testing.Lighting.SyntheticLight;

namespace SmartOverhalla.Gateway.Tests.Savings;

/// <summary>How the savings API lives in the gateway (the savings themselves are the analytics host's).</summary>
public sealed class LightingSavingsHostingTests(InfluxFixture influxServer) : IClassFixture<InfluxFixture>
{
    [Fact]
    public async Task Registering_and_mapping_the_savings_API_twice_serves_one_route()
    {
        var ct = TestContext.Current.CancellationToken;
        using var town = await SavingsTown.CreateAsync(influxServer.Url, ct);

        await using var app = await SavingsGateway.StartAsync(influxServer.Url, town.Database, town.ZonesFile, new FakeTimeProvider(Oslo(2026, 1, 16, 3)), ct, registrations: 2);

        using var client = app.GetTestClient().WithKey(TestApiKeys.Planner);
        using var response = await client.GetAsync(new Uri("/api/v1/lighting/savings?from=2026-01-14&to=2026-01-14", UriKind.Relative), ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        app.AssertNoErrors();
    }
}
