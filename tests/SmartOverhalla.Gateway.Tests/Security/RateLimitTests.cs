using System.Globalization;
using System.Net;
using System.Text.Json;
using SmartOverhalla.Gateway.Tests.Infrastructure;

namespace SmartOverhalla.Gateway.Tests.Security;

/// <summary>
/// Rate limits per API key and per client address. The window is an hour, so no request of a test can fall into a
/// fresh window by chance.
/// </summary>
public sealed class RateLimitTests
{
    private static readonly Uri Zones = new("/api/v1/lighting/zones", UriKind.Relative);

    private static GatewayFactory Gateway(int perKey, int perAddress) =>
        GatewayFactory.Embedded(GatewayFactory.DeadInfluxUrl(), out _, new Dictionary<string, string?>
        {
            ["ApiRateLimit:PermitsPerKey"] = perKey.ToString(CultureInfo.InvariantCulture),
            ["ApiRateLimit:PermitsPerAddress"] = perAddress.ToString(CultureInfo.InvariantCulture),
            ["ApiRateLimit:Window"] = "01:00:00",
        });

    [Fact]
    public async Task A_key_over_its_limit_gets_429_with_Retry_After_and_problem_details_while_another_key_goes_on()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var gateway = Gateway(perKey: 3, perAddress: 100).Start();
        using var greedy = gateway.CreateClientWithKey(TestApiKeys.Operator);
        using var other = gateway.CreateClientWithKey(TestApiKeys.Planner);

        for (var i = 0; i < 3; i++)
        {
            using var allowed = await greedy.GetAsync(Zones, ct);
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        using var refused = await greedy.GetAsync(Zones, ct);
        using var otherKey = await other.GetAsync(Zones, ct);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var retryAfter = int.Parse(Assert.Single(refused.Headers.GetValues("Retry-After")), CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 3600);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync(ct));
        Assert.Equal(429, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Contains("API key", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, otherKey.StatusCode);
    }

    [Fact]
    public async Task Requests_without_a_valid_key_are_limited_per_address_so_guessing_keys_is_slow_and_health_stays_open()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var gateway = Gateway(perKey: 100, perAddress: 2).Start();
        using var guesser = gateway.CreateClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, Zones);
            request.Headers.Add("X-Api-Key", $"guess-{i}");
            using var response = await guesser.SendAsync(request, ct);
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
        using var live = await guesser.GetAsync(new Uri("/health/live", UriKind.Relative), ct);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        using var withKey = await gateway.CreateClientWithKey(TestApiKeys.Operator).GetAsync(Zones, ct);
        Assert.Equal(HttpStatusCode.OK, withKey.StatusCode);
    }

    [Theory]
    [InlineData("ApiRateLimit:PermitsPerKey", "0")]
    [InlineData("ApiRateLimit:PermitsPerAddress", "-1")]
    [InlineData("ApiRateLimit:Window", "00:00:00")]
    public async Task An_invalid_rate_limit_stops_the_start_naming_the_setting(string key, string value)
    {
        await using var gateway = GatewayApplication.Build(new Dictionary<string, string?>
        {
            ["Broker:Embedded:Port"] = Testing.FreeTcpPort.Next().ToString(CultureInfo.InvariantCulture),
            ["InfluxDb:Url"] = GatewayFactory.DeadInfluxUrl().ToString(),
            [key] = value,
        });

        var error = await Assert.ThrowsAnyAsync<Exception>(() => gateway.StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains(key, error.ToString(), StringComparison.Ordinal);
    }
}
