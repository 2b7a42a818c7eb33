using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SmartOverhalla.Gateway.Tests.Infrastructure;
using SmartOverhalla.Testing;

namespace SmartOverhalla.Gateway.Tests.Devices;

/// <summary>LoRaWAN devices in the registry (issue 12): a DevEUI instead of an MQTT secret, the directory the ingestion reads.</summary>
public sealed class LoRaWanDeviceEndpointTests : IAsyncLifetime
{
    private const string FleetKey = "fleet-key-for-the-lorawan-tests-0123456789";
    private readonly TempDirectory _registry = new("so-lorawan-registry-");
    private GatewayFactory _gateway = null!;

    public async ValueTask InitializeAsync()
    {
        await File.WriteAllLinesAsync(
            _registry.File("fleet.csv"),
            ["# kind,deviceId,municipality[,role[,devEui]]", "watermeter,wm-fleet-2,overhalla,,70b3d5e75e0000f2", "streetlight,l-fleet-1,overhalla", "watermeter,wm-fleet-1,overhalla,district-inflow,70B3D5E75E0000F1"],
            TestContext.Current.CancellationToken);
        _gateway = Start();
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
    public async Task Registering_with_a_DevEUI_gives_no_secret_and_the_device_shows_its_DevEUI_upper_case()
    {
        var ct = TestContext.Current.CancellationToken;
        using var http = _gateway.CreateClientWithKey(TestApiKeys.Admin);

        using var created = await http.PostAsJsonAsync("/api/v1/devices", new { kind = "watermeter", deviceId = "wm-0001", municipality = "overhalla", devEui = "70b3d5e75e000001" }, ct);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using var body = JsonDocument.Parse(await created.Content.ReadAsStringAsync(ct));
        Assert.False(body.RootElement.GetProperty("mqttLogin").GetBoolean());
        Assert.Equal(JsonValueKind.Null, body.RootElement.GetProperty("secret").ValueKind);
        Assert.Equal(JsonValueKind.Null, body.RootElement.GetProperty("username").ValueKind);
        Assert.Equal("70B3D5E75E000001", body.RootElement.GetProperty("device").GetProperty("devEui").GetString());

        var view = await http.GetFromJsonAsync<JsonElement>("/api/v1/devices/watermeter/wm-0001", ct);
        Assert.Equal("70B3D5E75E000001", view.GetProperty("devEui").GetString());
        Assert.Equal(JsonValueKind.Null, view.GetProperty("username").ValueKind);

        var stored = await File.ReadAllTextAsync(_registry.File("device-registry.json"), ct);
        Assert.Contains("\"devEui\": \"70B3D5E75E000001\"", stored, StringComparison.Ordinal);

        using var rotate = await http.PostAsync("/api/v1/devices/watermeter/wm-0001/secret", null, ct);
        Assert.Equal(HttpStatusCode.Conflict, rotate.StatusCode);
        Assert.Contains(_gateway.Logs.GetSnapshot(), r => r.Message.StartsWith("Audit: " + TestApiKeys.AdminName + " device.register watermeter/wm-0001", StringComparison.Ordinal) && r.Message.Contains("devEui 70B3D5E75E000001", StringComparison.Ordinal));
        _gateway.AssertNoUnexpectedErrors();
    }

    [Fact]
    public async Task A_DevEUI_that_another_device_has_is_a_conflict_whatever_its_case()
    {
        var ct = TestContext.Current.CancellationToken;
        using var http = _gateway.CreateClientWithKey(TestApiKeys.Admin);
        using var first = await http.PostAsJsonAsync("/api/v1/devices", new { kind = "watermeter", deviceId = "wm-a", municipality = "overhalla", devEui = "70B3D5E75E00AAAA" }, ct);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);

        using var second = await http.PostAsJsonAsync("/api/v1/devices", new { kind = "streetlight", deviceId = "l-b", municipality = "overhalla", devEui = "70b3d5e75e00aaaa" }, ct);
        using var fleet = await http.PostAsJsonAsync("/api/v1/devices", new { kind = "streetlight", deviceId = "l-c", municipality = "overhalla", devEui = "70B3D5E75E0000F1" }, ct);

        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal("application/problem+json", second.Content.Headers.ContentType?.MediaType);
        Assert.Contains("watermeter/wm-a", await second.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, fleet.StatusCode);
        using var missing = await http.GetAsync("/api/v1/devices/streetlight/l-b", ct);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Theory]
    [InlineData("70B3D5E75E00000")]
    [InlineData("70B3D5E75E0000011")]
    [InlineData("70B3D5E75E00000Z")]
    [InlineData("70:B3:D5:E7:5E:00:00:01")]
    [InlineData("0000000000000000")]
    [InlineData("ffffffffffffffff")]
    public async Task A_malformed_DevEUI_is_refused_with_a_problem_naming_the_field(string devEui)
    {
        var ct = TestContext.Current.CancellationToken;
        using var http = _gateway.CreateClientWithKey(TestApiKeys.Admin);

        using var response = await http.PostAsJsonAsync("/api/v1/devices", new { kind = "watermeter", deviceId = "wm-bad", municipality = "overhalla", devEui }, ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty("devEui", out _));
    }

    [Fact]
    public async Task The_LoRaWAN_directory_lists_every_device_with_a_DevEUI_sorted_by_DevEUI_from_the_API_and_the_fleet_file()
    {
        var ct = TestContext.Current.CancellationToken;
        using (var admin = _gateway.CreateClientWithKey(TestApiKeys.Admin))
        {
            using var created = await admin.PostAsJsonAsync("/api/v1/devices", new { kind = "watermeter", deviceId = "wm-0001", municipality = "namsos", devEui = "70b3d5e75e000001" }, ct);
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        using var service = _gateway.CreateClientWithKey(TestApiKeys.Service);
        var text = await service.GetStringAsync("/api/v1/devices/lorawan", ct);

        using var directory = JsonDocument.Parse(text);
        var devices = directory.RootElement.GetProperty("devices").EnumerateArray().ToList();
        Assert.Equal(["70B3D5E75E000001", "70B3D5E75E0000F1", "70B3D5E75E0000F2"], devices.Select(d => d.GetProperty("devEui").GetString()));
        var first = devices[0];
        Assert.Equal("watermeter", first.GetProperty("kind").GetString());
        Assert.Equal("wm-0001", first.GetProperty("deviceId").GetString());
        Assert.Equal("namsos", first.GetProperty("municipality").GetString());
        Assert.Equal(4, first.EnumerateObject().Count());
        Assert.DoesNotContain("l-fleet-1", text, StringComparison.Ordinal);

        // The fleet's LoRaWAN meters got no secret and no login; its light got both.
        using var admin2 = _gateway.CreateClientWithKey(TestApiKeys.Admin);
        var fleetMeter = await admin2.GetFromJsonAsync<JsonElement>("/api/v1/devices/watermeter/wm-fleet-1", ct);
        Assert.Equal(JsonValueKind.Null, fleetMeter.GetProperty("username").ValueKind);
        Assert.Equal("district-inflow", fleetMeter.GetProperty("role").GetString());
        var fleetLight = await admin2.GetFromJsonAsync<JsonElement>("/api/v1/devices/streetlight/l-fleet-1", ct);
        Assert.Equal("overhalla/streetlight/l-fleet-1", fleetLight.GetProperty("username").GetString());
        _gateway.AssertNoUnexpectedErrors();
    }

    [Theory]
    [InlineData("admin", HttpStatusCode.OK)]
    [InlineData("operator", HttpStatusCode.OK)]
    [InlineData("service", HttpStatusCode.OK)]
    [InlineData("planner", HttpStatusCode.Forbidden)]
    [InlineData("none", HttpStatusCode.Unauthorized)]
    public async Task The_LoRaWAN_directory_is_for_admin_operator_and_service(string role, HttpStatusCode expected)
    {
        var key = role switch
        {
            "admin" => TestApiKeys.Admin,
            "operator" => TestApiKeys.Operator,
            "service" => TestApiKeys.Service,
            "planner" => TestApiKeys.Planner,
            _ => null,
        };
        using var http = key is null ? _gateway.CreateClient() : _gateway.CreateClientWithKey(key);

        using var response = await http.GetAsync("/api/v1/devices/lorawan", TestContext.Current.CancellationToken);

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task The_registry_admin_API_stays_admin_only_beside_the_directory()
    {
        using var http = _gateway.CreateClientWithKey(TestApiKeys.Service);

        using var response = await http.GetAsync("/api/v1/devices", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task The_fleet_file_says_how_a_registered_device_reaches_the_platform_and_a_DevEUI_in_use_is_refused()
    {
        // Given: a gateway that registered the fleet and, through the API, a meter with DevEUI …D1; then a file in which
        // wm-fleet-2 has a new DevEUI, the light now speaks LoRaWAN, wm-fleet-1 speaks MQTT itself again, and
        // wm-fleet-3, already registered, asks for the API meter's DevEUI
        var ct = TestContext.Current.CancellationToken;
        using (var before = _gateway.CreateClientWithKey(TestApiKeys.Admin))
        {
            using var registered = await before.PostAsJsonAsync("/api/v1/devices", new { kind = "watermeter", deviceId = "wm-api-1", municipality = "overhalla", devEui = "70B3D5E75E0000D1" }, ct);
            Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
            using var third = await before.PostAsJsonAsync("/api/v1/devices", new { kind = "watermeter", deviceId = "wm-fleet-3", municipality = "overhalla" }, ct);
            Assert.Equal(HttpStatusCode.Created, third.StatusCode);
        }

        await _gateway.DisposeAsync();
        await File.WriteAllLinesAsync(
            _registry.File("fleet.csv"),
            [
                "# kind,deviceId,municipality[,role[,devEui]]",
                "watermeter,wm-fleet-2,overhalla,,70B3D5E75E0000E2",
                "streetlight,l-fleet-1,overhalla,,70B3D5E75E0000E1",
                "watermeter,wm-fleet-1,overhalla,district-inflow",
                "watermeter,wm-fleet-3,overhalla,,70B3D5E75E0000D1",
            ],
            ct);

        // When the gateway starts again
        _gateway = Start();

        // Then the DevEUI list is the file's, and the device that asked for a DevEUI in use is reported and left as it was
        using var http = _gateway.CreateClientWithKey(TestApiKeys.Operator);
        var text = await http.GetStringAsync("/api/v1/devices/lorawan", ct);
        Assert.Contains("70B3D5E75E0000E2", text, StringComparison.Ordinal);
        Assert.Contains("70B3D5E75E0000E1", text, StringComparison.Ordinal);
        Assert.DoesNotContain("70B3D5E75E0000F2", text, StringComparison.Ordinal);
        Assert.DoesNotContain("70B3D5E75E0000F1", text, StringComparison.Ordinal);
        Assert.DoesNotContain("wm-fleet-3", text, StringComparison.Ordinal);
        Assert.Contains("wm-api-1", text, StringComparison.Ordinal);
        Assert.Contains(_gateway.Logs.GetSnapshot(), r => r.Id.Id == 1109 && r.Message.Contains("fleet.csv:5", StringComparison.Ordinal) && r.Message.Contains("watermeter/wm-fleet-3", StringComparison.Ordinal));
        Assert.Contains(_gateway.Logs.GetSnapshot(), r => r.Id.Id == 1110 && r.Message.Contains(" 3 registered devices", StringComparison.Ordinal));

        // And the light lost its MQTT login with its new DevEUI, while wm-fleet-1 has one again
        using var admin = _gateway.CreateClientWithKey(TestApiKeys.Admin);
        var light = await admin.GetFromJsonAsync<JsonElement>("/api/v1/devices/streetlight/l-fleet-1", ct);
        Assert.Equal(JsonValueKind.Null, light.GetProperty("username").ValueKind);
        var meter = await admin.GetFromJsonAsync<JsonElement>("/api/v1/devices/watermeter/wm-fleet-1", ct);
        Assert.Equal("overhalla/watermeter/wm-fleet-1", meter.GetProperty("username").GetString());
        Assert.Equal("district-inflow", meter.GetProperty("role").GetString());
    }

    private GatewayFactory Start() => new GatewayFactory(new Dictionary<string, string?>
    {
        ["Broker:Mode"] = "Embedded",
        ["Broker:Embedded:Port"] = FreeTcpPort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["InfluxDb:Url"] = GatewayFactory.DeadInfluxUrl().ToString(),
        ["Devices:RegistryFile"] = _registry.File("device-registry.json"),
        ["Devices:ImportFile"] = _registry.File("fleet.csv"),
        ["Devices:FleetKey"] = FleetKey,
    }).Start();
}
