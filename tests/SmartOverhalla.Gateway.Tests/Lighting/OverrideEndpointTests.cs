using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SmartOverhalla.Gateway.Lighting;
using SmartOverhalla.Gateway.Tests.Infrastructure;
using SmartOverhalla.Testing.Servers;

namespace SmartOverhalla.Gateway.Tests.Lighting;

/// <summary>Operators' overrides through the HTTP API, on the real gateway with the repo's zones file.</summary>
public sealed class OverrideEndpointTests(InfluxFixture influx) : IClassFixture<InfluxFixture>
{
    private static readonly Uri Overrides = new("/api/v1/lighting/overrides", UriKind.Relative);

    private static object Request(string? zoneId = "ranemsletta-sentrum", string? lightId = null, int? level = 30, TimeSpan? until = null, string? reason = "Julemarked", string? requestedBy = "kari") => new
    {
        zoneId,
        lightId,
        level,
        until = until is { } u ? TimeProvider.System.GetUtcNow().Add(u) : (DateTimeOffset?)null,
        reason,
        requestedBy,
    };

    [Fact]
    public async Task An_override_is_set_listed_decides_the_lights_of_its_zone_and_can_be_cancelled()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var gateway = GatewayFactory.Embedded(influx.Url, out _).Start();
        using var client = gateway.CreateClientWithKey(TestApiKeys.Operator);
        var store = gateway.Services.GetRequiredService<OverrideStore>();

        // When an operator sets the zone to 30 % for an hour
        using var created = await client.PostAsJsonAsync(Overrides, Request(until: TimeSpan.FromHours(1)), ct);

        // Then it is created, listed, and decides every light of that zone (and not one of another zone)
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using var body = JsonDocument.Parse(await created.Content.ReadAsStringAsync(ct));
        var id = body.RootElement.GetProperty("id").GetGuid();
        Assert.Equal($"/api/v1/lighting/overrides/{id}", created.Headers.Location!.OriginalString);
        Assert.Equal(TestApiKeys.OperatorName, body.RootElement.GetProperty("setBy").GetString());
        using var listed = JsonDocument.Parse(await client.GetStringAsync(Overrides, ct));
        Assert.Contains(listed.RootElement.EnumerateArray(), o => o.GetProperty("id").GetGuid() == id);
        var now = TimeProvider.System.GetUtcNow();
        Assert.Equal(30, store.For("overhalla", "sim-light-0001", "ranemsletta-sentrum", now)?.Level);
        Assert.Null(store.For("overhalla", "sim-light-0001", "skage", now));

        // When it is cancelled, Then it is gone, and cancelling again is 404
        using var cancelled = await client.DeleteAsync(new Uri($"/api/v1/lighting/overrides/{id}", UriKind.Relative), ct);
        Assert.Equal(HttpStatusCode.NoContent, cancelled.StatusCode);
        Assert.Null(store.For("overhalla", "sim-light-0001", "ranemsletta-sentrum", TimeProvider.System.GetUtcNow()));
        using var again = await client.DeleteAsync(new Uri($"/api/v1/lighting/overrides/{id}", UriKind.Relative), ct);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
    }

    public static TheoryData<string, object, string> BadRequests => new()
    {
        { "unknown zone", Request(zoneId: "atlantis"), "zoneId" },
        { "level 140", Request(level: 140), "level" },
        { "end in the past", Request(until: TimeSpan.FromMinutes(-5)), "until" },
        { "no end", Request(until: null), "until" },
        { "zone and light", Request(lightId: "sim-light-0001"), "zoneId" },
        { "hostile light id", Request(zoneId: null, lightId: "x,evil=1 value=0"), "lightId" },
        { "no reason", Request(reason: " "), "reason" },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task An_invalid_override_gets_a_400_problem_naming_the_field(string why, object request, string field)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var gateway = GatewayFactory.Embedded(influx.Url, out _).Start();
        using var client = gateway.CreateClientWithKey(TestApiKeys.Operator);

        using var response = await client.PostAsJsonAsync(Overrides, request, ct);

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{why}: {response.StatusCode}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(field, out var messages), $"{why}: no error for {field}");
        Assert.Contains(messages.EnumerateArray(), m => !string.IsNullOrWhiteSpace(m.GetString()));
        Assert.Empty(gateway.Services.GetRequiredService<OverrideStore>().Active());
    }
}
