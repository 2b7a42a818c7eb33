using System.Net;
using System.Text.Json;
using SmartOverhalla.Gateway.Tests.Lighting;
using SmartOverhalla.Testing;
using SmartOverhalla.Testing.Servers;

namespace SmartOverhalla.Gateway.Tests.Alerts;

/// <summary>The alerts API on the real gateway: filters, problem details, the OpenAPI description.</summary>
public sealed class AlertEndpointTests(MosquittoFixture mosquitto, InfluxFixture influx)
    : IClassFixture<MosquittoFixture>, IClassFixture<InfluxFixture>
{
    // One gateway for every case (starting one per case would cost more than the cases).
    private static readonly (string Query, string[] Parameters)[] BadFilters =
    [
        ("active=yes", ["active"]),
        ("type=lampfailure", ["type"]),
        ("type=powerLoss", ["type"]),
        ("municipality=Overhalla", ["municipality"]),
        ("device=x%2Cevil%3D1", ["device"]),
        ("active=1&type=flood", ["active", "type"]),
        ("domain=heating", ["domain"]),
        ("kind=boiler&domain=lighting", ["kind"]),
    ];

    [Fact]
    public async Task Invalid_filters_get_a_400_problem_naming_each_parameter_and_the_endpoint_is_described_in_OpenAPI()
    {
        var ct = TestContext.Current.CancellationToken;
        var municipality = TestNames.Municipality();
        using var state = new TempDirectory("so-alerts-");
        await using var gateway = await AlertsGateway.StartAsync(mosquitto.Server.Port, influx.Url, TestNames.Database(), state.File("lighting-state.json"), new SettablePolicy(municipality), webhook: null, ct);

        foreach (var (query, parameters) in BadFilters)
        {
            using var response = await gateway.Http.GetAsync(new Uri("/api/v1/alerts?" + query, UriKind.Relative), ct);

            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{query}: {response.StatusCode}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
            Assert.Equal(parameters, problem.RootElement.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        }

        // A valid filter with nothing to show is an empty list
        Assert.Empty(await gateway.AlertsAsync($"active=true&type=lampFailure&municipality={municipality}&device=lys-1", ct));

        using var document = JsonDocument.Parse(await gateway.Http.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative), ct));
        var get = document.RootElement.GetProperty("paths").GetProperty("/api/v1/alerts").GetProperty("get");
        Assert.Equal("Alerts", Assert.Single(get.GetProperty("tags").EnumerateArray()).GetString());
        Assert.False(string.IsNullOrWhiteSpace(get.GetProperty("description").GetString()));
        var parametersDescribed = get.GetProperty("parameters").EnumerateArray().ToDictionary(p => p.GetProperty("name").GetString()!, p => p);
        Assert.Equal(["active", "device", "domain", "kind", "municipality", "type"], parametersDescribed.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("lampFailure", parametersDescribed["type"].GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.True(get.GetProperty("responses").TryGetProperty("400", out _));
        gateway.Logs.AssertNoUnexpectedErrors();
    }
}
