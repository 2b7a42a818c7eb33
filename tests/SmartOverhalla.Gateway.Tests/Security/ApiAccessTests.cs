using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SmartOverhalla.Gateway.Tests.Infrastructure;

namespace SmartOverhalla.Gateway.Tests.Security;

/// <summary>Who may use which endpoint: API keys, roles, 401 and 403 as problem details, on the real gateway.</summary>
public sealed class ApiAccessTests
{
    public static TheoryData<string, string> ProtectedEndpoints => new()
    {
        { "GET", "/api/v1/lighting/zones" },
        { "GET", "/api/v1/lighting/zones/ranemsletta-sentrum/plan" },
        { "GET", "/api/v1/lighting/lights" },
        { "GET", "/api/v1/lighting/overrides" },
        { "POST", "/api/v1/lighting/overrides" },
        { "DELETE", "/api/v1/lighting/overrides/0193a0a0-0000-7000-8000-000000000000" },
        { "GET", "/api/v1/lighting/savings" },
        { "GET", "/api/v1/lighting/savings/lights" },
        { "GET", "/api/v1/alerts" },
        { "POST", "/api/v1/alerts/reports" },
        { "GET", "/api/v1/audit" },
        { "GET", "/api/v1/devices" },
        { "POST", "/api/v1/devices" },
        { "POST", "/api/v1/devices/streetlight/sl-1/secret" },
        { "DELETE", "/api/v1/devices/streetlight/sl-1" },
    };

    [Theory]
    [MemberData(nameof(ProtectedEndpoints))]
    public async Task Without_a_key_every_API_endpoint_answers_401_with_a_challenge_and_problem_details(string method, string path)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var gateway = GatewayFactory.Embedded(GatewayFactory.DeadInfluxUrl(), out _).Start();
        using var client = gateway.CreateClient();

        using var response = await client.SendAsync(Request(method, path), ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("ApiKey", Assert.Single(response.Headers.WwwAuthenticate).Scheme);
        await AssertProblemAsync(response, 401, "needs an API key", ct);
    }

    [Fact]
    public async Task Refused_keys_are_all_counted_but_only_the_first_and_every_hundredth_is_logged()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var gateway = GatewayFactory.Embedded(GatewayFactory.DeadInfluxUrl(), out _).Start();
        using var client = gateway.CreateClient().WithKey("guess");

        for (var i = 0; i < 250; i++)
        {
            using var response = await client.GetAsync("/api/v1/lighting/zones", ct);
            Assert.Contains(response.StatusCode, new[] { HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests });
        }

        Assert.Equal(250, gateway.Services.GetRequiredService<SmartOverhalla.Gateway.Security.ApiKeyRing>().Refused);
        Assert.Equal(3, gateway.Logs.GetSnapshot().Count(r => r.Id.Id == 9100));
    }

    [Theory]
    [InlineData("X-Api-Key", "not-a-key")]
    [InlineData("X-Api-Key", "")]
    [InlineData("Authorization", "ApiKey wrong")]
    [InlineData("Authorization", "Bearer something")]
    public async Task A_wrong_or_malformed_key_answers_401(string header, string value)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var gateway = GatewayFactory.Embedded(GatewayFactory.DeadInfluxUrl(), out _).Start();
        using var client = gateway.CreateClient();
        using var request = Request("GET", "/api/v1/lighting/zones");
        request.Headers.TryAddWithoutValidation(header, value);

        using var response = await client.SendAsync(request, ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await AssertProblemAsync(response, 401, "API key", ct);
    }

    [Fact]
    public async Task The_key_is_accepted_in_the_Authorization_header_and_in_X_Api_Key()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var gateway = GatewayFactory.Embedded(GatewayFactory.DeadInfluxUrl(), out _).Start();
        using var client = gateway.CreateClient();
        using var byAuthorization = Request("GET", "/api/v1/lighting/zones");
        byAuthorization.Headers.TryAddWithoutValidation("Authorization", "ApiKey " + TestApiKeys.Operator);
        using var byHeader = Request("GET", "/api/v1/lighting/zones");
        byHeader.Headers.TryAddWithoutValidation("X-Api-Key", TestApiKeys.Operator);

        using var first = await client.SendAsync(byAuthorization, ct);
        using var second = await client.SendAsync(byHeader, ct);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
    }

    /// <summary>Role × endpoint: true = allowed (anything but 401/403), false = 403.</summary>
    public static TheoryData<string, string, string, bool> RoleMatrix => new()
    {
        // Reference data: every role
        { "operator", "GET", "/api/v1/lighting/zones", true },
        { "planner", "GET", "/api/v1/lighting/zones", true },
        { "admin", "GET", "/api/v1/lighting/zones/ranemsletta-sentrum/plan", true },
        { "planner", "GET", "/api/v1/lighting/zones/ranemsletta-sentrum/plan", true },
        // Operations: operator and admin
        { "operator", "GET", "/api/v1/lighting/lights", true },
        { "planner", "GET", "/api/v1/lighting/lights", false },
        { "operator", "GET", "/api/v1/lighting/overrides", true },
        { "planner", "GET", "/api/v1/lighting/overrides", false },
        { "planner", "POST", "/api/v1/lighting/overrides", false },
        { "planner", "DELETE", "/api/v1/lighting/overrides/0193a0a0-0000-7000-8000-000000000000", false },
        { "admin", "GET", "/api/v1/lighting/overrides", true },
        { "operator", "GET", "/api/v1/alerts", true },
        { "planner", "GET", "/api/v1/alerts", false },
        { "admin", "GET", "/api/v1/alerts", true },
        // Alert reports of platform services: service and admin; the service role may do nothing else
        { "service", "POST", "/api/v1/alerts/reports", true },
        { "admin", "POST", "/api/v1/alerts/reports", true },
        { "operator", "POST", "/api/v1/alerts/reports", false },
        { "planner", "POST", "/api/v1/alerts/reports", false },
        { "service", "GET", "/api/v1/alerts", false },
        { "service", "GET", "/api/v1/lighting/zones", false },
        { "service", "GET", "/api/v1/lighting/savings", false },
        { "service", "GET", "/api/v1/devices", false },
        // History and savings: planner and admin
        { "planner", "GET", "/api/v1/lighting/savings", true },
        { "operator", "GET", "/api/v1/lighting/savings", false },
        { "operator", "GET", "/api/v1/lighting/savings/lights", false },
        { "admin", "GET", "/api/v1/lighting/savings/lights", true },
        { "planner", "GET", "/api/v1/audit", true },
        { "operator", "GET", "/api/v1/audit", false },
        { "admin", "GET", "/api/v1/audit", true },
        // Device registry and credentials: admin only
        { "admin", "GET", "/api/v1/devices", true },
        { "operator", "GET", "/api/v1/devices", false },
        { "planner", "GET", "/api/v1/devices", false },
        { "operator", "POST", "/api/v1/devices", false },
        { "operator", "POST", "/api/v1/devices/streetlight/sl-1/secret", false },
        { "planner", "DELETE", "/api/v1/devices/streetlight/sl-1", false },
    };

    [Theory]
    [MemberData(nameof(RoleMatrix))]
    public async Task Each_role_may_use_its_endpoints_and_gets_403_problem_details_elsewhere(string role, string method, string path, bool allowed)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var gateway = GatewayFactory.Embedded(GatewayFactory.DeadInfluxUrl(), out _).Start();
        using var client = gateway.CreateClientWithKey(role switch
        {
            "operator" => TestApiKeys.Operator,
            "planner" => TestApiKeys.Planner,
            "service" => TestApiKeys.Service,
            _ => TestApiKeys.Admin,
        });

        using var response = await client.SendAsync(Request(method, path), ct);

        if (allowed)
        {
            Assert.True(
                response.StatusCode is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden),
                $"{role} {method} {path}: {(int)response.StatusCode}");
        }
        else
        {
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            await AssertProblemAsync(response, 403, $"test-{role}", ct);
        }
    }

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health")]
    [InlineData("/openapi/v1.json")]
    public async Task Health_and_the_API_document_need_no_key(string path)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var gateway = GatewayFactory.Embedded(GatewayFactory.DeadInfluxUrl(), out _).Start();

        using var response = await gateway.CreateClient().GetAsync(new Uri(path, UriKind.Relative), ct);

        // /health is 503 here (InfluxDB is down), which is an answer, not a refusal.
        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.ServiceUnavailable, $"{path}: {(int)response.StatusCode}");
    }

    [Fact]
    public async Task Who_set_an_override_is_the_keys_name_whatever_the_body_claims()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var gateway = GatewayFactory.Embedded(GatewayFactory.DeadInfluxUrl(), out _).Start();
        using var client = gateway.CreateClientWithKey(TestApiKeys.Admin);

        using var response = await client.PostAsJsonAsync(
            new Uri("/api/v1/lighting/overrides", UriKind.Relative),
            new { zoneId = "skage", level = 70, until = TimeProvider.System.GetUtcNow().AddHours(1), reason = "Konsert", requestedBy = "mallory" },
            ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
        Assert.Equal(TestApiKeys.AdminName, body.RootElement.GetProperty("setBy").GetString());
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_the_key_scheme_and_which_operations_need_it()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var gateway = GatewayFactory.Embedded(GatewayFactory.DeadInfluxUrl(), out _).Start();

        using var document = JsonDocument.Parse(await gateway.CreateClient().GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative), ct));

        var scheme = document.RootElement.GetProperty("components").GetProperty("securitySchemes").GetProperty("ApiKey");
        Assert.Equal("apiKey", scheme.GetProperty("type").GetString());
        Assert.Equal("header", scheme.GetProperty("in").GetString());
        Assert.Equal("X-Api-Key", scheme.GetProperty("name").GetString());
        var paths = document.RootElement.GetProperty("paths");
        var overrides = paths.GetProperty("/api/v1/lighting/overrides").GetProperty("post");
        Assert.True(Assert.Single(overrides.GetProperty("security").EnumerateArray()).TryGetProperty("ApiKey", out _));
        Assert.Contains("operator, admin", overrides.GetProperty("description").GetString(), StringComparison.Ordinal);
        foreach (var code in new[] { "401", "403", "429" })
        {
            Assert.True(overrides.GetProperty("responses").TryGetProperty(code, out _), $"POST overrides does not describe {code}");
        }

        Assert.False(paths.GetProperty("/health").GetProperty("get").TryGetProperty("security", out _));
    }

    private static HttpRequestMessage Request(string method, string path)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative));
        if (method == "POST")
        {
            request.Content = JsonContent.Create(new { zoneId = "skage", level = 10, until = TimeProvider.System.GetUtcNow().AddHours(1), reason = "test" });
        }

        return request;
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, int status, string detailContains, CancellationToken ct)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
        Assert.Equal(status, problem.RootElement.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.RootElement.GetProperty("title").GetString()));
        Assert.Contains(detailContains, problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
