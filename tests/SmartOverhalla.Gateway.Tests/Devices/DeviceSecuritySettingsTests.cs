using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using SmartOverhalla.Gateway.Tests.Infrastructure;
using SmartOverhalla.ServiceDefaults;
using SmartOverhalla.Testing;

namespace SmartOverhalla.Gateway.Tests.Devices;

/// <summary>The start-up checks of issue 5's item 7 for the broker and the registry: no anonymous MQTT and no weak service passwords outside Development.</summary>
public sealed class DeviceSecuritySettingsTests : IDisposable
{
    /// <summary>The gateway's content root (its data folder goes there), one per test, deleted after it.</summary>
    private readonly TempDirectory _contentRoot = new("so-gateway-settings-");

    public void Dispose() => _contentRoot.Dispose();

    [Theory]
    [InlineData("Broker:Embedded:AllowAnonymous", "true", "Broker:Embedded:AllowAnonymous")]
    [InlineData("Broker:Accounts:Ingestion:Password", "short", "Broker:Accounts:Ingestion:Password")]
    [InlineData("Broker:Accounts:NetworkServer:Password", "short", "Broker:Accounts:NetworkServer:Password")]
    [InlineData("Broker:Accounts:Gateway:Username", "overhalla/streetlight/l1", "Broker:Accounts:Gateway:Username")]
    [InlineData("Devices:FleetKey", "too-short", "Devices:FleetKey")]
    [InlineData("Broker:Embedded:Tls:Enabled", "true", "Broker:Embedded:Tls:CertificatePath")]
    public async Task Outside_Development_an_insecure_setting_stops_the_start_with_a_message_naming_it(string key, string value, string named)
    {
        await using var gateway = Build(Environments.Production, (key, value));

        var error = await Assert.ThrowsAnyAsync<Exception>(() => gateway.StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains(named, Messages(error), StringComparison.Ordinal);
        Assert.DoesNotContain("short", Messages(error).Replace("shorter", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_Development_anonymous_clients_may_be_allowed_explicitly()
    {
        await using var gateway = Build(Environments.Development, ("Broker:Embedded:AllowAnonymous", "true"));

        await gateway.StartAsync(TestContext.Current.CancellationToken);
        await gateway.StopAsync(TestContext.Current.CancellationToken);
    }

    private WebApplication Build(string environment, params (string Key, string Value)[] settings)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = environment,
            ContentRootPath = _contentRoot.Path,
        });
        var values = new Dictionary<string, string?>
        {
            ["Broker:Embedded:Port"] = FreeTcpPort.Next().ToString(CultureInfo.InvariantCulture),
            ["InfluxDb:Url"] = GatewayFactory.DeadInfluxUrl().ToString(),
            ["Lighting:Enabled"] = "false",
        };
        foreach (var (key, value) in settings)
        {
            values[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(values);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.AddServiceDefaults();
        builder.AddGateway();
        var app = builder.Build();
        app.MapGateway();
        return app;
    }

    private static string Messages(Exception error)
    {
        var messages = new List<string>();
        for (Exception? e = error; e is not null; e = e.InnerException)
        {
            messages.Add(e.Message);
            if (e is AggregateException aggregate)
            {
                messages.AddRange(aggregate.InnerExceptions.Select(i => i.Message));
            }
        }

        return string.Join('\n', messages);
    }
}
