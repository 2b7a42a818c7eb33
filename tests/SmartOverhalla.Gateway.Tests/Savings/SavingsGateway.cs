using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using SmartOverhalla.Gateway.Savings;
using SmartOverhalla.ServiceDefaults;
using SmartOverhalla.Testing;

namespace SmartOverhalla.Gateway.Tests.Savings;

/// <summary>
/// The real gateway (its own AddGateway/MapGateway) with the savings API, on a fake clock, HTTP through TestServer,
/// InfluxDB real. AddLightingSavings and MapLightingSavings are called here as well as by the gateway's composition;
/// the second call does nothing.
/// </summary>
internal static class SavingsGateway
{
    public static async Task<WebApplication> StartAsync(
        Uri influxUrl, string database, string zonesFile, FakeTimeProvider clock, CancellationToken ct, int registrations = 1)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Development });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Broker:Mode"] = "Embedded",
            ["Broker:Embedded:Port"] = FreeTcpPort.Next().ToString(CultureInfo.InvariantCulture),
            ["InfluxDb:Url"] = influxUrl.ToString(),
            ["InfluxDb:Database"] = database,
            ["Lighting:Enabled"] = "false",
            ["Lighting:ZonesFile"] = zonesFile,
            ["Lighting:StateFile"] = zonesFile + ".state.json",
        }).AddInMemoryCollection(Infrastructure.TestApiKeys.Settings);
        builder.WebHost.UseTestServer();
        builder.Logging.AddFakeLogging();
        builder.Services.AddSingleton<TimeProvider>(clock);
        builder.AddServiceDefaults();
        builder.AddGateway();
        for (var i = 0; i < registrations; i++)
        {
            builder.Services.AddLightingSavings();
        }

        var app = builder.Build();
        app.MapGateway();
        for (var i = 0; i < registrations; i++)
        {
            app.MapLightingSavings();
        }

        await app.StartAsync(ct);
        return app;
    }

    /// <summary>Fails when an error was logged.</summary>
    public static void AssertNoErrors(this WebApplication app)
    {
        var errors = app.Services.GetFakeLogCollector().GetSnapshot()
            .Where(r => r.Level >= LogLevel.Error)
            .Select(r => $"{r.Level} {r.Category}: {r.Message} {r.Exception}")
            .ToList();
        Assert.True(errors.Count == 0, "Unexpected errors logged:\n" + string.Join('\n', errors));
    }
}
