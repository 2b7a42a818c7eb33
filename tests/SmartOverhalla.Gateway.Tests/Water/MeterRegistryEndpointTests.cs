using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SmartOverhalla.Gateway.Tests.Infrastructure;
using SmartOverhalla.Testing.Servers;

namespace SmartOverhalla.Gateway.Tests.Water;

/// <summary>The meter registry's API on the real gateway: import, placements without addresses, roles, persistence.</summary>
public sealed class MeterRegistryEndpointTests(InfluxFixture influx) : IClassFixture<InfluxFixture>
{
    [Fact]
    public async Task Imported_meters_are_listed_as_placements_for_every_role_and_the_service_without_any_address()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var water = await WaterGateway.StartAsync(influx.Url, ct);

        await water.ImportMetersAsync(ct);

        foreach (var key in new[] { TestApiKeys.Service, TestApiKeys.Operator, TestApiKeys.Planner, TestApiKeys.Admin })
        {
            using var client = water.Client(key);
            var body = await client.GetStringAsync($"/api/v1/water/meters?municipality={water.Municipality}", ct);
            using var json = JsonDocument.Parse(body);
            var meters = json.RootElement.GetProperty("meters").EnumerateArray().ToList();
            Assert.Equal(["hh-0001", "hh-0002", "hh-0003", "inflow-d01"], meters.Select(m => m.GetProperty("meter").GetString()));
            Assert.Equal(["household", "household", "household", "district-inflow"], meters.Select(m => m.GetProperty("role").GetString()));
            Assert.Equal(["d01", "d01", "d02", "d01"], meters.Select(m => m.GetProperty("district").GetString()));
            Assert.All(meters, m => Assert.Equal(["municipality", "meter", "role", "district"], m.EnumerateObject().Select(p => p.Name)));
            Assert.All(meters, m => Assert.Equal(water.Municipality, m.GetProperty("municipality").GetString()));
            Assert.DoesNotContain("Sentrumsvegen", body, StringComparison.Ordinal);
            Assert.DoesNotContain("Skage", body, StringComparison.Ordinal);
            Assert.DoesNotContain("Ranemsletta", body, StringComparison.Ordinal);
        }

        // The household role is for customer service; it has no business with the placements list.
        using var household = water.Client(WaterGateway.Household);
        Assert.Equal(HttpStatusCode.Forbidden, (await household.GetAsync("/api/v1/water/meters", ct)).StatusCode);
        water.Factory.AssertNoUnexpectedErrors();
    }

    [Fact]
    public async Task A_bad_file_is_refused_with_its_line_and_nothing_of_it_is_imported()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var water = await WaterGateway.StartAsync(influx.Url, ct);
        var csv = "meterId;municipality;role;district;address\n" +
            $"ok-1;{water.Municipality};household;d01;Vegen 1\n" +
            $"in-1;{water.Municipality};district-inflow;d01;Vegen 2\n";

        using var response = await water.ImportAsync(csv, ct);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["address must be empty for a district inflow meter: it serves no household"], problem.RootElement.GetProperty("errors").GetProperty("line 3").EnumerateArray().Select(e => e.GetString()));
        using var client = water.Client(TestApiKeys.Planner);
        using var placements = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/water/meters?municipality={water.Municipality}", ct));
        Assert.Equal(0, placements.RootElement.GetProperty("meters").GetArrayLength());

        using var wrongType = await water.ImportAsync(System.Text.Encoding.UTF8.GetBytes(csv), ct, "text/plain");
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, wrongType.StatusCode);
        using var byOperator = water.Client(TestApiKeys.Operator);
        using var content = new StringContent(csv, System.Text.Encoding.UTF8, "text/csv");
        Assert.Equal(HttpStatusCode.Forbidden, (await byOperator.PostAsync("/api/v1/water/meters/import", content, ct)).StatusCode);
        water.Factory.AssertNoUnexpectedErrors();
    }

    [Fact]
    public async Task Admin_changes_and_retires_single_meters_and_the_registry_file_keeps_the_retired_entry()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var water = await WaterGateway.StartAsync(influx.Url, ct);
        using var admin = water.Client(TestApiKeys.Admin);
        var path = $"/api/v1/water/meters/{water.Municipality}/hh-0009";

        using var created = await admin.PutAsJsonAsync(path, new { role = "household", district = "d03", address = "Fjellvegen 3" }, ct);
        using var moved = await admin.PutAsJsonAsync(path, new { role = "household", district = "d04", address = "Fjellvegen 3" }, ct);
        using var noAddress = await admin.PutAsJsonAsync(path, new { role = "household", district = "d04" }, ct);
        using var retired = await admin.DeleteAsync(path, ct);
        using var again = await admin.DeleteAsync(path, ct);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noAddress.StatusCode);
        Assert.Contains("\"address\"", await noAddress.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NoContent, retired.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        using var placements = JsonDocument.Parse(await admin.GetStringAsync($"/api/v1/water/meters?municipality={water.Municipality}", ct));
        Assert.Equal(0, placements.RootElement.GetProperty("meters").GetArrayLength());

        // Two entries (d03 until the move, d04 until retired), both ended, in the owner-only file.
        var file = Path.Combine(water.Factory.StateDirectory, "water-meters.json");
        using var stored = JsonDocument.Parse(await File.ReadAllTextAsync(file, ct));
        var entries = stored.RootElement.GetProperty("meters").EnumerateArray().ToList();
        Assert.Equal(["d03", "d04"], entries.Select(e => e.GetProperty("district").GetString()));
        Assert.All(entries, e => Assert.Equal(JsonValueKind.String, e.GetProperty("until").ValueKind));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        }
        water.Factory.AssertNoUnexpectedErrors();
    }
}
