using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using SmartOverhalla.Gateway.Lighting;
using SmartOverhalla.Gateway.Tests.Infrastructure;
using SmartOverhalla.Testing;
using SmartOverhalla.Testing.Hosting;

namespace SmartOverhalla.Gateway.Tests.LoRaWan;

/// <summary>
/// The real gateway with its embedded broker (anonymous clients admitted, Development) and lighting control on a
/// test-set policy; its fleet file registers <paramref name="fleet"/> lines, and with a mapping file its LoRaWAN path
/// is on. Every file lives in a folder of its own; disposing stops the gateway first, then deletes the folder.
/// </summary>
internal sealed class LoRaWanGateway : IAsyncDisposable
{
    private const string FleetKey = "fleet-key-for-the-lorawan-control-tests-0123";
    private readonly WebApplication _app;
    private readonly TempDirectory _files;

    private LoRaWanGateway(WebApplication app, TempDirectory files, CapturedLogs logs, int brokerPort)
    {
        _app = app;
        _files = files;
        Logs = logs;
        BrokerPort = brokerPort;
    }

    public int BrokerPort { get; }

    public CapturedLogs Logs { get; }

    public IServiceProvider Services => _app.Services;

    public LightStateStore Store => _app.Services.GetRequiredService<LightStateStore>();

    public static async Task<LoRaWanGateway> StartAsync(Uri influxUrl, ILightingPolicy policy, string? mappingFile, IEnumerable<string> fleet, CancellationToken ct)
    {
        var files = new TempDirectory("so-lorawan-gateway-");
        try
        {
            await File.WriteAllLinesAsync(files.File("fleet.csv"), ["# kind,deviceId,municipality[,role[,devEui]]", .. fleet], ct);
            var brokerPort = FreeTcpPort.Next();
            var settings = new Dictionary<string, string?>
            {
                ["Broker:Mode"] = "Embedded",
                ["Broker:Embedded:BindAddress"] = "127.0.0.1",
                ["Broker:Embedded:Port"] = brokerPort.ToString(CultureInfo.InvariantCulture),
                ["Broker:Embedded:AllowAnonymous"] = "true",
                ["Broker:Embedded:PublishRateLimit:Enabled"] = "false",
                ["InfluxDb:Url"] = influxUrl.ToString(),
                ["InfluxDb:Database"] = TestNames.Database(),
                ["Devices:RegistryFile"] = files.File("device-registry.json"),
                ["Devices:ImportFile"] = files.File("fleet.csv"),
                ["Devices:FleetKey"] = FleetKey,
                ["Water:Registry:File"] = files.File("water-meters.json"),
                ["Water:Notices:File"] = files.File("water-notices.json"),
                ["Lighting:StateFile"] = files.File("lighting-state.json"),
                ["Lighting:ControlInterval"] = "00:00:00.200",
                // Long enough that the test answers each downlink before a retry; a retry would only repeat it.
                ["Lighting:AckTimeout"] = "00:00:20",
                ["Lighting:MaxAttempts"] = "2",
                ["LoRaWan:MappingFile"] = mappingFile,
            };
            var logs = new CapturedLogs();
            var app = await GatewayApplication.StartAsync(settings, GatewayApplication.WithPolicy(policy, logs), ct, files.Path);
            var gateway = new LoRaWanGateway(app, files, logs, brokerPort);

            // Its control connection has subscribed once it logs that it is up.
            await Eventually.UntilAsync(() => logs.Entries.Any(e => e.EventId.Id == 2001), TimeSpan.FromSeconds(30), "the control connection to be up", ct);
            return gateway;
        }
        catch
        {
            files.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _app.StopAsync(CancellationToken.None);
            await _app.DisposeAsync();
        }
        finally
        {
            _files.Dispose();
        }
    }
}
