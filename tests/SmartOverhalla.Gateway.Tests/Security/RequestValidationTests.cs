using System.Net;
using System.Text;
using System.Text.Json;
using SmartOverhalla.Gateway.Tests.Infrastructure;

namespace SmartOverhalla.Gateway.Tests.Security;

/// <summary>Bad input the endpoint handlers never see (malformed bodies, wrong methods) and filters they check: all problem details.</summary>
public sealed class RequestValidationTests
{
    [Theory]
    [InlineData("{\"zoneId\":\"skage\",\"level\":")]
    [InlineData("{\"zoneId\":\"skage\",\"level\":\"high\"}")]
    [InlineData("not json")]
    public async Task A_malformed_override_body_gets_a_400_problem(string body)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var gateway = GatewayFactory.Embedded(GatewayFactory.DeadInfluxUrl(), out _).Start();
        using var client = gateway.CreateClientWithKey(TestApiKeys.Operator);

        using var response = await client.PostAsync(
            new Uri("/api/v1/lighting/overrides", UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"), ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
        Assert.Equal(400, problem.RootElement.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task A_wrong_method_gets_a_405_problem()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var gateway = GatewayFactory.Embedded(GatewayFactory.DeadInfluxUrl(), out _).Start();
        using var client = gateway.CreateClientWithKey(TestApiKeys.Admin);

        using var response = await client.PutAsync(new Uri("/api/v1/lighting/zones", UriKind.Relative), new StringContent("{}", Encoding.UTF8, "application/json"), ct);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("Overhalla")]
    [InlineData("x")]
    [InlineData("over halla")]
    public async Task An_invalid_municipality_filter_on_the_lights_gets_a_400_problem_naming_it(string municipality)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var gateway = GatewayFactory.Embedded(GatewayFactory.DeadInfluxUrl(), out _).Start();
        using var client = gateway.CreateClientWithKey(TestApiKeys.Operator);

        using var response = await client.GetAsync(new Uri("/api/v1/lighting/lights?municipality=" + Uri.EscapeDataString(municipality), UriKind.Relative), ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty("municipality", out _));
    }
}
