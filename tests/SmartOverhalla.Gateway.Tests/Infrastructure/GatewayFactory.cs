using System.Globalization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using SmartOverhalla.Testing;

namespace SmartOverhalla.Gateway.Tests.Infrastructure;

/// <summary>
/// Runs the real gateway (its own Program) in-process: HTTP through TestServer, the MQTT broker on a real
/// loopback port. Settings given here override appsettings.json; every log record is collected so a test can
/// fail on an error it did not expect.
/// </summary>
internal sealed class GatewayFactory(IReadOnlyDictionary<string, string?> settings) : WebApplicationFactory<Program>
{
    /// <summary>Light state and device registry of this test gateway, in a folder of its own that goes with it.</summary>
    private readonly TempDirectory _files = new("so-gateway-");

    /// <summary>A gateway with its embedded broker on a free port, and InfluxDB at <paramref name="influxUrl"/>.</summary>
    public static GatewayFactory Embedded(Uri influxUrl, out int brokerPort, IReadOnlyDictionary<string, string?>? more = null)
    {
        brokerPort = FreeTcpPort.Next();
        var settings = new Dictionary<string, string?>
        {
            ["Broker:Mode"] = "Embedded",
            ["Broker:Embedded:Port"] = brokerPort.ToString(CultureInfo.InvariantCulture),
            ["InfluxDb:Url"] = influxUrl.ToString(),
        };
        foreach (var (key, value) in more ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return new GatewayFactory(settings);
    }

    /// <summary>A URL where nothing listens: for "InfluxDB is down".</summary>
    public static Uri DeadInfluxUrl() => new($"http://127.0.0.1:{FreeTcpPort.Next()}/");

    /// <summary>The folder of this gateway's state files (light state, registries), deleted with the gateway.</summary>
    public string StateDirectory => _files.Path;

    public FakeLogCollector Logs => Services.GetFakeLogCollector();

    /// <summary>A client that sends <paramref name="key"/> (one of <see cref="TestApiKeys"/>) with every request.</summary>
    public HttpClient CreateClientWithKey(string key) => CreateClient().WithKey(key);

    /// <summary>Starts the host now (WebApplicationFactory starts lazily), so the broker listens.</summary>
    public GatewayFactory Start()
    {
        try
        {
            _ = Server;
            return this;
        }
        catch
        {
            // A gateway that does not start is never handed to the test, so nothing else would delete its folder.
            Dispose();
            throw;
        }
    }

    /// <summary>Fails when an error or critical record was logged from a category the test did not expect.</summary>
    public void AssertNoUnexpectedErrors(params string[] expectedCategories)
    {
        var unexpected = Logs.GetSnapshot()
            .Where(r => r.Level >= LogLevel.Error && !expectedCategories.Contains(r.Category, StringComparer.Ordinal))
            .Select(r => $"{r.Level} {r.Category}: {r.Message} {r.Exception?.GetType().Name}")
            .ToList();
        Assert.True(unexpected.Count == 0, "Unexpected errors logged:\n" + string.Join('\n', unexpected));
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        // Lighting control has its own tests; here its control connection would only add to the broker's counters.
        builder.ConfigureAppConfiguration((_, config) => config
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Lighting:Enabled"] = "false",
                // Test clients publish far faster than devices; the flood tests (Broker/Flood*) switch the limit on.
                ["Broker:Embedded:PublishRateLimit:Enabled"] = "false",
                // Light state, overrides and device registry of each test gateway in its own folder, never in the source tree.
                ["Lighting:StateFile"] = _files.File("lighting-state.json"),
                ["Devices:RegistryFile"] = _files.File("device-registry.json"),
                ["Water:Registry:File"] = _files.File("water-meters.json"),
                ["Water:Notices:File"] = _files.File("water-notices.json"),
                // Most gateway tests play devices without credentials; the Broker and Devices tests switch this off.
                ["Broker:Embedded:AllowAnonymous"] = "true",
            })
            .AddInMemoryCollection(TestApiKeys.Settings)
            .AddInMemoryCollection(settings));
        builder.ConfigureLogging(logging => logging.AddFakeLogging());
    }

    /// <summary>DisposeAsync ends here too, after the host has stopped: only then is nothing writing to the folder.</summary>
    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _files.Dispose();
        }
    }
}
