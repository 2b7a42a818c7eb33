using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SmartOverhalla.Gateway.Savings;
using SmartOverhalla.Gateway.Tests.Infrastructure;
using SmartOverhalla.Testing;
using SmartOverhalla.Testing.Servers;
using static SmartOverhalla.Gateway.Tests.Savings.SyntheticLight;

namespace SmartOverhalla.Gateway.Tests.Savings;

/// <summary>How the savings component lives in the gateway: registration, options at start, a missing InfluxDB.</summary>
public sealed class LightingSavingsHostingTests(InfluxFixture influxServer) : IClassFixture<InfluxFixture>
{
    [Fact]
    public async Task Registering_and_mapping_the_savings_twice_runs_one_service_and_one_route()
    {
        var ct = TestContext.Current.CancellationToken;
        using var town = await SavingsTown.CreateAsync(influxServer.Url, ct);

        await using var app = await SavingsGateway.StartAsync(
            influxServer.Url, town.Database, town.ZonesFile, new FakeTimeProvider(Oslo(2026, 1, 16, 3)), SavingsTown.Settings(serviceEnabled: false), ct, registrations: 2);

        Assert.Single(app.Services.GetServices<IHostedService>().OfType<LightingSavingsService>());
        using var client = app.GetTestClient().WithKey(TestApiKeys.Planner);
        using var response = await client.GetAsync(new Uri("/api/v1/lighting/savings?from=2026-01-14&to=2026-01-14", UriKind.Relative), ct);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        app.AssertNoErrors();
    }

    [Fact]
    public async Task An_invalid_savings_setting_stops_the_start_naming_it()
    {
        var ct = TestContext.Current.CancellationToken;
        using var zones = new TempDirectory("so-savings-");
        var zonesFile = await SavingsTown.WriteZonesFileAsync(zones, TestNames.Municipality(), ct);
        var settings = SavingsTown.Settings(serviceEnabled: true);
        settings["Lighting:Savings:PricePerKWhNok"] = "-1";

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => SavingsGateway.StartAsync(
            GatewayFactory.DeadInfluxUrl(), TestNames.Database(), zonesFile, new FakeTimeProvider(Oslo(2026, 1, 16, 3)), settings, ct));

        Assert.Contains(nameof(LightingSavingsOptions.PricePerKWhNok), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_InfluxDB_the_service_warns_and_tries_again_at_the_next_check()
    {
        var ct = TestContext.Current.CancellationToken;
        using var zones = new TempDirectory("so-savings-");
        var zonesFile = await SavingsTown.WriteZonesFileAsync(zones, TestNames.Municipality(), ct);
        var clock = new FakeTimeProvider(Oslo(2026, 1, 16, 3));
        await using var app = await SavingsGateway.StartAsync(
            GatewayFactory.DeadInfluxUrl(), TestNames.Database(), zonesFile, clock, SavingsTown.Settings(serviceEnabled: true), ct);
        var logs = app.Services.GetFakeLogCollector();
        int Failures() => logs.GetSnapshot().Count(r => r.Id.Id == 3004 && r.Level == LogLevel.Warning);

        await Eventually.UntilAsync(() => Failures() == 1, TimeSpan.FromSeconds(30), "the first failed run", ct);
        clock.Advance(app.Services.GetRequiredService<IOptions<LightingSavingsOptions>>().Value.CheckInterval);
        await Eventually.UntilAsync(() => Failures() == 2, TimeSpan.FromSeconds(30), "the second run, one check later", ct);

        app.AssertNoErrors();
    }
}
