using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SmartOverhalla.Gateway.Tests.Infrastructure;
using SmartOverhalla.Testing;

namespace SmartOverhalla.Gateway.Tests.Devices;

/// <summary>The registry's admin API: validation with problem details, one-time secrets, audit, persistence.</summary>
public sealed class DeviceEndpointTests : IAsyncLifetime
{
    private readonly TempDirectory _registry = new("so-registry-");
    private GatewayFactory _gateway = null!;

    public ValueTask InitializeAsync()
    {
        _gateway = Start();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _gateway.DisposeAsync();
        }
        finally
        {
            _registry.Dispose();
        }
    }

    [Fact]
    public async Task Registering_returns_the_secret_once_stores_only_its_hash_and_is_audited()
    {
        var ct = TestContext.Current.CancellationToken;
        using var http = _gateway.CreateClientWithKey(TestApiKeys.Admin);

        using var created = await http.PostAsJsonAsync("/api/v1/devices", new { kind = "watermeter", deviceId = "w-inflow-1", municipality = "overhalla", role = "district-inflow" }, ct);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("/api/v1/devices/watermeter/w-inflow-1", created.Headers.Location?.ToString());
        using var body = JsonDocument.Parse(await created.Content.ReadAsStringAsync(ct));
        var secret = body.RootElement.GetProperty("secret").GetString()!;
        Assert.Matches("^[A-Za-z0-9_-]{43}$", secret);
        Assert.Equal("overhalla/watermeter/w-inflow-1", body.RootElement.GetProperty("username").GetString());
        Assert.Equal("district-inflow", body.RootElement.GetProperty("device").GetProperty("role").GetString());

        var listed = await http.GetStringAsync("/api/v1/devices?kind=watermeter", ct);
        Assert.Contains("w-inflow-1", listed, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, listed, StringComparison.Ordinal);
        Assert.DoesNotContain("$7$", listed, StringComparison.Ordinal);

        var stored = await File.ReadAllTextAsync(_registry.File("device-registry.json"), ct);
        Assert.Contains("w-inflow-1", stored, StringComparison.Ordinal);
        Assert.Contains("$7$", stored, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, stored, StringComparison.Ordinal);

        Assert.Contains(_gateway.Logs.GetSnapshot(), r => r.Message.StartsWith("Audit: " + TestApiKeys.AdminName + " device.register watermeter/w-inflow-1", StringComparison.Ordinal));
        _gateway.AssertNoUnexpectedErrors();
    }

    [Fact]
    public async Task A_second_registration_of_the_same_device_is_a_conflict_and_the_first_secret_stays_valid()
    {
        var ct = TestContext.Current.CancellationToken;
        using var http = _gateway.CreateClientWithKey(TestApiKeys.Admin);
        using var first = await http.PostAsJsonAsync("/api/v1/devices", new { kind = "plough", deviceId = "p-1", municipality = "overhalla" }, ct);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);

        using var second = await http.PostAsJsonAsync("/api/v1/devices", new { kind = "plough", deviceId = "p-1", municipality = "namsos" }, ct);

        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal("application/problem+json", second.Content.Headers.ContentType?.MediaType);
        var view = await http.GetFromJsonAsync<JsonElement>("/api/v1/devices/plough/p-1", ct);
        Assert.Equal("overhalla", view.GetProperty("municipality").GetString());
    }

    [Theory]
    [InlineData("lamp", "l1", "overhalla", null, "kind")]
    [InlineData("streetlight", "l/1", "overhalla", null, "deviceId")]
    [InlineData("streetlight", "l#", "overhalla", null, "deviceId")]
    [InlineData("streetlight", "", "overhalla", null, "deviceId")]
    [InlineData("streetlight", "l1", "Overhalla", null, "municipality")]
    [InlineData("streetlight", "l1", "overhalla", "Inflow Meter", "role")]
    [InlineData(null, "l1", "overhalla", null, "kind")]
    public async Task An_invalid_registration_is_refused_with_a_problem_naming_the_field(string? kind, string? deviceId, string? municipality, string? role, string field)
    {
        var ct = TestContext.Current.CancellationToken;
        using var http = _gateway.CreateClientWithKey(TestApiKeys.Admin);

        using var response = await http.PostAsJsonAsync("/api/v1/devices", new { kind, deviceId, municipality, role }, ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(field, out _), await response.Content.ReadAsStringAsync(ct));
        Assert.Empty(await http.GetFromJsonAsync<JsonElement[]>("/api/v1/devices", ct) ?? []);
    }

    [Theory]
    [InlineData("POST", "/api/v1/devices/streetlight/nobody/secret", HttpStatusCode.NotFound)]
    [InlineData("DELETE", "/api/v1/devices/streetlight/nobody", HttpStatusCode.NotFound)]
    [InlineData("GET", "/api/v1/devices/streetlight/nobody", HttpStatusCode.NotFound)]
    [InlineData("GET", "/api/v1/devices/lamp/l1", HttpStatusCode.BadRequest)]
    [InlineData("DELETE", "/api/v1/devices/streetlight/bad%2Bid", HttpStatusCode.BadRequest)]
    [InlineData("GET", "/api/v1/devices?kind=lamp", HttpStatusCode.BadRequest)]
    public async Task Unknown_devices_and_bad_route_values_give_problem_details(string method, string path, HttpStatusCode expected)
    {
        using var http = _gateway.CreateClientWithKey(TestApiKeys.Admin);

        using var response = await http.SendAsync(new HttpRequestMessage(new HttpMethod(method), path), TestContext.Current.CancellationToken);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_registry_survives_a_restart_of_the_gateway()
    {
        var ct = TestContext.Current.CancellationToken;
        using (var http = _gateway.CreateClientWithKey(TestApiKeys.Admin))
        {
            using var created = await http.PostAsJsonAsync("/api/v1/devices", new { kind = "streetlight", deviceId = "l-persist", municipality = "overhalla" }, ct);
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        await _gateway.DisposeAsync();
        _gateway = Start();

        using var again = _gateway.CreateClientWithKey(TestApiKeys.Admin);
        var view = await again.GetFromJsonAsync<JsonElement>("/api/v1/devices/streetlight/l-persist", ct);
        Assert.Equal("overhalla/streetlight/l-persist", view.GetProperty("username").GetString());
    }

    private GatewayFactory Start() => new GatewayFactory(new Dictionary<string, string?>
    {
        ["Broker:Mode"] = "Embedded",
        ["Broker:Embedded:Port"] = FreeTcpPort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["InfluxDb:Url"] = GatewayFactory.DeadInfluxUrl().ToString(),
        ["Devices:RegistryFile"] = _registry.File("device-registry.json"),
    }).Start();
}
