using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SmartOverhalla.Analytics;
using SmartOverhalla.Gateway;
using SmartOverhalla.Gateway.Lighting;
using SmartOverhalla.Simulators.Configuration;
using SmartOverhalla.Ingestion;
using SmartOverhalla.Simulators;
using SmartOverhalla.Simulators.Hosting;
using SmartOverhalla.Testing;
using SmartOverhalla.Testing.Hosting;

namespace SmartOverhalla.EndToEnd.Tests;

/// <summary>
/// The platform as the README run command starts it — gateway (optionally hosting the broker),
/// ingestion worker and simulators — each a real host in this process, wired to real servers.
/// </summary>
internal sealed class PlatformUnderTest : IAsyncDisposable
{
    private readonly List<IHost> _hosts = [];

    /// <summary>Folders this platform writes to (gateway content root, worker spool, fleet list); deleted after its hosts stop.</summary>
    private readonly List<TempDirectory> _folders = [];

    public PlatformUnderTest(Uri influxUrl)
    {
        InfluxUrl = influxUrl;
        Database = TestNames.Database();
        Municipality = TestNames.Municipality();
        Influx = new InfluxTestClient(influxUrl, Database);
    }

    public Uri InfluxUrl { get; }

    public string Database { get; }

    public string Municipality { get; }

    public InfluxTestClient Influx { get; }

    public CapturedLogs Logs { get; } = new();

    public PublishedMessages Published { get; } = new();

    public Uri? GatewayUrl { get; private set; }

    public IServiceProvider? GatewayServices { get; private set; }

    /// <summary>Starts the gateway with its embedded broker on a free port; returns that port.</summary>
    public async Task<int> StartGatewayWithEmbeddedBrokerAsync(
        CancellationToken cancellationToken, ILightingPolicy? lightingPolicy = null, IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        var brokerPort = FreeTcpPort.Next();
        var httpPort = FreeTcpPort.Next();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = Environments.Development,
            ContentRootPath = Folder("so-gateway-").Path,
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Urls"] = $"http://127.0.0.1:{httpPort}",
            ["Broker:Mode"] = "Embedded",
            ["Broker:Embedded:BindAddress"] = "127.0.0.1",
            ["Broker:Embedded:Port"] = brokerPort.ToString(CultureInfo.InvariantCulture),
            ["InfluxDb:Url"] = InfluxUrl.ToString(),
            ["InfluxDb:Database"] = Database,
            ["Lighting:StateFile"] = Path.Combine(builder.Environment.ContentRootPath, "lighting-state.json"),
            // These flows play a hostile device that publishes malformed messages on device topics, which the ACLs
            // would refuse before ingestion sees them; device identity and ACLs have their own tests
            // (Gateway.Tests/Broker), so here the embedded broker admits anonymous clients (Development only).
            ["Broker:Embedded:AllowAnonymous"] = "true",
        });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        if (lightingPolicy is not null)
        {
            builder.Services.AddSingleton(lightingPolicy);
        }

        services?.Invoke(builder.Services);

        UseCapturedLogs(builder.Logging);
        builder.AddGateway();
        var app = builder.Build();
        app.MapGateway();
        await app.StartAsync(cancellationToken);
        _hosts.Add(app);
        GatewayUrl = new Uri($"http://127.0.0.1:{httpPort}/");
        GatewayServices = app.Services;
        return brokerPort;
    }

    /// <summary>Starts the analytics host in this process (its real AddAnalytics) with <paramref name="settings"/> on top of this platform's database.</summary>
    public async Task<IHost> StartAnalyticsAsync(IReadOnlyDictionary<string, string?> settings, Action<HostApplicationBuilder> configure, CancellationToken cancellationToken)
    {
        var all = new Dictionary<string, string?>(settings)
        {
            ["InfluxDb:Url"] = InfluxUrl.ToString(),
            ["InfluxDb:Database"] = Database,
            ["Analytics:InstanceName"] = "analytics-" + Municipality,
        };
        var (host, _) = TestHost.Build(
            all,
            b =>
            {
                UseCapturedLogs(b.Logging);
                b.AddAnalytics();
                configure(b);
            });
        await host.StartAsync(cancellationToken);
        _hosts.Add(host);
        return host;
    }

    /// <summary>The ingestion worker's MQTT password when the gateway's broker has device identity on (a test value).</summary>
    public const string IngestionPassword = "e2e-ingestion-password-not-for-production";

    /// <param name="secured">Log in as the ingestion service account (<see cref="IngestionPassword"/>).</param>
    /// <param name="settings">More settings on top (e.g. the LoRaWan section).</param>
    public async Task StartIngestionAsync(string mqttHost, int mqttPort, CancellationToken cancellationToken, bool secured = false, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var (host, _) = TestHost.Build(
            new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>())
            {
                ["Mqtt:Username"] = secured ? "smartoverhalla-ingestion" : null,
                ["Mqtt:Password"] = secured ? IngestionPassword : null,
                ["Mqtt:Host"] = mqttHost,
                ["Mqtt:Port"] = mqttPort.ToString(CultureInfo.InvariantCulture),
                ["Mqtt:ReconnectDelay"] = "00:00:00.200",
                ["InfluxDb:Url"] = InfluxUrl.ToString(),
                ["InfluxDb:Database"] = Database,
                ["Ingestion:ClientId"] = "smartoverhalla-ingestion-" + Municipality,
                ["Ingestion:BatchInterval"] = "00:00:00.200",
                ["Ingestion:SelfMetricsInterval"] = "00:00:01",
                // Otherwise under the test binaries' folder, where nothing removes it.
                ["Ingestion:Spool:Directory"] = Folder("so-spool-").Path,
            },
            b =>
            {
                UseCapturedLogs(b.Logging);
                b.AddIngestion();
            });
        await host.StartAsync(cancellationToken);
        _hosts.Add(host);
        await Eventually.UntilAsync(
            () => Logs.Entries.Any(e => e.Message.StartsWith("Subscribed to", StringComparison.Ordinal)),
            TimeSpan.FromSeconds(20),
            "the ingestion worker to subscribe",
            cancellationToken);
    }

    /// <summary>Runs the simulators until every device has published <paramref name="messagesPerDevice"/> telemetry messages and gone offline.</summary>
    /// <param name="fleetKey">When set, each device logs in with its fleet-key credentials.</param>
    public async Task RunSimulatorsAsync(string mqttHost, int mqttPort, int lights, int meters, int ploughs, int messagesPerDevice, CancellationToken cancellationToken, string? fleetKey = null)
    {
        var (host, _) = TestHost.Build(
            new Dictionary<string, string?>(),
            b =>
            {
                UseCapturedLogs(b.Logging);
                b.AddSimulators(
                    o =>
                    {
                        o.Municipality = Municipality;
                        o.Streetlights = lights;
                        o.Watermeters = meters;
                        o.Ploughs = ploughs;
                        o.MessagesPerDevice = messagesPerDevice;
                        o.StreetlightInterval = TimeSpan.FromMilliseconds(100);
                        o.WatermeterInterval = TimeSpan.FromMilliseconds(100);
                        o.PloughInterval = TimeSpan.FromMilliseconds(100);
                        o.Seed = 2026;
                        o.FleetKey = fleetKey;
                    },
                    m =>
                    {
                        m.Host = mqttHost;
                        m.Port = mqttPort;
                    });
            },
            services => services.AddSingleton<ISimulationObserver>(Published));
        using (host)
        {
            await host.StartAsync(cancellationToken);
            await host.WaitForShutdownAsync(cancellationToken);
        }
    }

    /// <summary>
    /// Runs the simulators' water backfill (their real host, <c>Simulators:Backfill</c>) into this platform's database:
    /// every reading of the water fleet <paramref name="configure"/> describes, written into <c>water_raw</c>; returns
    /// when the backfill is done and the simulator host has stopped by itself.
    /// </summary>
    public async Task RunWaterBackfillAsync(Action<SimulatorOptions> configure, CancellationToken cancellationToken)
    {
        var (host, _) = TestHost.Build(
            new Dictionary<string, string?> { ["InfluxDb:Url"] = InfluxUrl.ToString(), ["InfluxDb:Database"] = Database },
            b =>
            {
                UseCapturedLogs(b.Logging);
                b.AddSimulators(o => ConfigureFleet(o, configure), _ => { });
            });
        using (host)
        {
            await host.StartAsync(cancellationToken);
            await host.WaitForShutdownAsync(cancellationToken);
        }
    }

    /// <summary>A folder of this platform's, deleted after its hosts stop.</summary>
    public TempDirectory NewFolder(string prefix) => Folder(prefix);

    /// <summary>Fleet key of this platform's simulated devices (a test value, made per run).</summary>
    public string FleetKey { get; } = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    /// <summary>
    /// Gateway settings for device identity on: the fleet that <see cref="StartSimulatorsAsync"/> will run with
    /// <paramref name="configure"/> is written as the gateway's import list, registered at start with fleet-key
    /// secrets, and anonymous clients are refused (as in production).
    /// </summary>
    public async Task<Dictionary<string, string?>> SecureFleetSettingsAsync(Action<SimulatorOptions> configure, CancellationToken cancellationToken)
    {
        var options = SimulatorFleetOptions(configure);
        var file = Folder("so-fleet-").File("fleet.csv");
        await SmartOverhalla.Simulators.Devices.FleetList.WriteAsync(file, SmartOverhalla.Simulators.Devices.DeviceFleet.Create(options, TimeProvider.System), cancellationToken);
        return new Dictionary<string, string?>
        {
            ["Broker:Embedded:AllowAnonymous"] = "false",
            ["Devices:FleetKey"] = FleetKey,
            ["Devices:ImportFile"] = file,
        };
    }

    /// <summary>Starts simulators that run until the platform is disposed (no message limit).</summary>
    public async Task StartSimulatorsAsync(string mqttHost, int mqttPort, Action<SimulatorOptions> configure, CancellationToken cancellationToken)
    {
        var (host, _) = TestHost.Build(
            new Dictionary<string, string?>(),
            b =>
            {
                UseCapturedLogs(b.Logging);
                b.AddSimulators(
                    o => ConfigureFleet(o, configure),
                    m =>
                    {
                        m.Host = mqttHost;
                        m.Port = mqttPort;
                    });
            },
            services => services.AddSingleton<ISimulationObserver>(Published));
        await host.StartAsync(cancellationToken);
        _hosts.Add(host);
    }

    private SimulatorOptions SimulatorFleetOptions(Action<SimulatorOptions> configure)
    {
        var options = new SimulatorOptions();
        ConfigureFleet(options, configure);
        return options;
    }

    private void ConfigureFleet(SimulatorOptions options, Action<SimulatorOptions> configure)
    {
        options.Municipality = Municipality;
        options.DeviceIdPrefix = "e2e";
        configure(options);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            for (var i = _hosts.Count - 1; i >= 0; i--)
            {
                await _hosts[i].StopAsync(CancellationToken.None);
                if (_hosts[i] is IAsyncDisposable asyncDisposable)
                {
                    await asyncDisposable.DisposeAsync();
                }
                else
                {
                    _hosts[i].Dispose();
                }
            }

            Influx.Dispose();
        }
        finally
        {
            _folders.ForEach(f => f.Dispose());
        }
    }

    private TempDirectory Folder(string prefix)
    {
        var folder = new TempDirectory(prefix);
        _folders.Add(folder);
        return folder;
    }

    private void UseCapturedLogs(ILoggingBuilder logging)
    {
        logging.ClearProviders();
        logging.SetMinimumLevel(LogLevel.Debug);
        logging.AddProvider(Logs);
    }
}
