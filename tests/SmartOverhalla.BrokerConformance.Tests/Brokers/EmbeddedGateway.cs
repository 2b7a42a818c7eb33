using System.Globalization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using SmartOverhalla.Testing;

namespace SmartOverhalla.BrokerConformance.Tests.Brokers;

/// <summary>
/// The real gateway (its own Program) in-process with its embedded broker on a free loopback port, as a small
/// installation runs it, in Development with anonymous clients allowed (how the interoperability suite of issue 14
/// reached it). No InfluxDB: only <c>/health</c> would look at it. Its state files live in a folder that goes with it.
/// </summary>
internal sealed class EmbeddedGateway : WebApplicationFactory<Program>
{
    private readonly TempDirectory _files = new("so-conformance-");

    public int BrokerPort { get; } = FreeTcpPort.Next();

    /// <summary>Starts the host now (WebApplicationFactory starts lazily), so the broker listens.</summary>
    public EmbeddedGateway Start()
    {
        try
        {
            _ = Server;
            return this;
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Broker:Mode"] = "Embedded",
            ["Broker:Embedded:Port"] = BrokerPort.ToString(CultureInfo.InvariantCulture),
            ["Broker:Embedded:AllowAnonymous"] = "true",
            // Conformance clients publish in bursts; the rate limit has its own tests.
            ["Broker:Embedded:PublishRateLimit:Enabled"] = "false",
            ["InfluxDb:Url"] = $"http://127.0.0.1:{FreeTcpPort.Next()}/",
            ["Lighting:Enabled"] = "false",
            ["Lighting:StateFile"] = _files.File("lighting-state.json"),
            ["Devices:RegistryFile"] = _files.File("device-registry.json"),
            ["Water:Registry:File"] = _files.File("water-meters.json"),
            ["Water:Notices:File"] = _files.File("water-notices.json"),
        }));
    }

    /// <summary>After the host has stopped: only then is nothing writing to the folder.</summary>
    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _files.Dispose();
        }
    }
}
