using System.Net;
using System.Text.Json;
using SmartOverhalla.Gateway.Tests.Infrastructure;

namespace SmartOverhalla.Gateway.Tests.OpenApi;

public sealed class OpenApiDocumentTests
{
    [Fact]
    public async Task Given_the_gateway_runs_when_the_OpenAPI_document_is_fetched_then_it_is_JSON_with_the_title_and_the_documented_health_endpoints()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var gateway = GatewayFactory.Embedded(GatewayFactory.DeadInfluxUrl(), out _).Start();

        using var response = await gateway.CreateClient().GetAsync("/openapi/v1.json", ct);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var root = document.RootElement;
        Assert.Equal("SmartOverhalla gateway API", root.GetProperty("info").GetProperty("title").GetString());
        foreach (var path in new[] { "/health", "/health/live" })
        {
            var get = root.GetProperty("paths").GetProperty(path).GetProperty("get");
            Assert.Equal("Health", Assert.Single(get.GetProperty("tags").EnumerateArray()).GetString());
            Assert.False(string.IsNullOrWhiteSpace(get.GetProperty("summary").GetString()));
            Assert.False(string.IsNullOrWhiteSpace(get.GetProperty("description").GetString()));
            var responses = get.GetProperty("responses");
            foreach (var code in new[] { "200", "503" })
            {
                var described = responses.GetProperty(code);
                Assert.DoesNotContain(described.GetProperty("description").GetString(), new[] { "OK", "Service Unavailable" });
                Assert.True(described.GetProperty("content").TryGetProperty("application/json", out _), $"{path} {code} has no JSON body schema.");
            }
        }

        gateway.AssertNoUnexpectedErrors();
    }
}
