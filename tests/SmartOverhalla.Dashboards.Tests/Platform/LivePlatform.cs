using System.Globalization;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SmartOverhalla.Analytics;
using SmartOverhalla.Ingestion;
using SmartOverhalla.Simulators;
using SmartOverhalla.Testing;
using SmartOverhalla.Testing.Hosting;

namespace SmartOverhalla.Dashboards.Tests.Platform;

/// <summary>
/// The ingestion worker and the simulators as real hosts in this process, against a given broker and InfluxDB,
/// with the simulators running live (no message limit) until stopped, as on a platform in service. Its own
/// test database and municipality keep it apart from anything else on the servers.
/// </summary>
internal sealed class LivePlatform : IAsyncDisposable
{
    /// <summary>Short enough that a test sees several readings per device within a second.</summary>
    private static readonly TimeSpan DeviceInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>Simulated devices are named <c>sim-light-0001</c>, <c>sim-water-0001</c>, <c>sim-plough-0001</c>, ...</summary>
    public const string DeviceIdPrefix = "sim";

    private readonly List<IHost> _hosts = [];

    /// <summary>The worker's spool (otherwise under the test binaries' folder, where nothing removes it).</summary>
    private readonly TempDirectory _spool = new("so-spool-");

    /// <summary>The worker's cached copy of the registry's LoRaWAN device list (the gateway does not run here).</summary>
    private readonly TempDirectory _loRaWan = new("so-lorawan-");
    private readonly Uri _influxUrl;
    private readonly string _mqttHost;
    private readonly int _mqttPort;

    public LivePlatform(Uri influxUrl, string mqttHost, int mqttPort)
    {
        _influxUrl = influxUrl;
        _mqttHost = mqttHost;
        _mqttPort = mqttPort;
        Influx = new InfluxTestClient(influxUrl, Database);
    }

    public string Database { get; } = TestNames.Database();

    public string Municipality { get; } = TestNames.Municipality();

    public InfluxTestClient Influx { get; }

    public CapturedLogs Logs { get; } = new();

    /// <summary>
    /// Starts the ingestion worker with the LoRaWAN uplink path on the shipped mapping file. It knows the DevEUIs from
    /// <paramref name="loRaWanDevices"/> (the registry's list as the worker caches it); the gateway URL leads nowhere,
    /// as while the gateway is down, so the worker keeps that copy.
    /// </summary>
    public async Task StartIngestionAsync(string loRaWanDevices, CancellationToken ct)
    {
        var directoryCache = _loRaWan.File("lorawan-devices.json");
        await File.WriteAllTextAsync(directoryCache, loRaWanDevices, ct);
        var host = Build(
            new Dictionary<string, string?>
            {
                ["Mqtt:Host"] = _mqttHost,
                ["Mqtt:Port"] = _mqttPort.ToString(CultureInfo.InvariantCulture),
                ["Mqtt:ReconnectDelay"] = "00:00:00.200",
                ["InfluxDb:Url"] = _influxUrl.ToString(),
                ["InfluxDb:Database"] = Database,
                ["Ingestion:ClientId"] = "ingestion-" + Municipality,
                ["Ingestion:BatchInterval"] = "00:00:00.200",
                ["Ingestion:SelfMetricsInterval"] = "00:00:01",
                ["Ingestion:Spool:Directory"] = _spool.Path,
                ["LoRaWan:MappingFile"] = RepositoryRoot.Combine("deploy", "lorawan", "uplink-mapping.yaml"),
                ["LoRaWan:GatewayUrl"] = $"http://127.0.0.1:{FreeTcpPort.Next()}/",
                ["LoRaWan:ApiKey"] = "not-used-the-gateway-is-down",
                ["LoRaWan:DirectoryCacheFile"] = directoryCache,
            },
            b => b.AddIngestion());
        await host.StartAsync(ct);
        await Eventually.UntilAsync(
            () => Logs.Entries.Any(e => e.Message.StartsWith("Subscribed to", StringComparison.Ordinal)),
            TimeSpan.FromSeconds(20),
            "the ingestion worker to subscribe",
            ct);
    }

    /// <summary>
    /// Starts the analytics host (the savings job on the shipped zones file, progress every second): it runs its windows
    /// at once and reports them in <c>platform_analytics</c>, as on a platform in service.
    /// </summary>
    public async Task StartAnalyticsAsync(CancellationToken ct)
    {
        var host = Build(
            new Dictionary<string, string?>
            {
                ["InfluxDb:Url"] = _influxUrl.ToString(),
                ["InfluxDb:Database"] = Database,
                ["Analytics:InstanceName"] = "analytics-" + Municipality,
                ["Analytics:SelfMetricsInterval"] = "00:00:01",
                ["Analytics:Jobs:LightingSavings:InitialLookback"] = "2.00:00:00",
            },
            b => b.AddAnalytics());
        await host.StartAsync(ct);
    }

    /// <summary>Starts the simulated fleet; it publishes until <see cref="DisposeAsync"/> stops it.</summary>
    public async Task StartSimulatorsAsync(int lights, int meters, int ploughs, CancellationToken ct)
    {
        var host = Build(
            new Dictionary<string, string?>(),
            b => b.AddSimulators(
                o =>
                {
                    o.Municipality = Municipality;
                    o.DeviceIdPrefix = DeviceIdPrefix;
                    o.Streetlights = lights;
                    o.Watermeters = meters;
                    o.Ploughs = ploughs;
                    o.MessagesPerDevice = null;
                    o.StreetlightInterval = DeviceInterval;
                    o.WatermeterInterval = DeviceInterval;
                    o.PloughInterval = DeviceInterval;
                    o.Seed = 2026;
                },
                m =>
                {
                    m.Host = _mqttHost;
                    m.Port = _mqttPort;
                }));
        await host.StartAsync(ct);
    }

    /// <summary>Stops the simulators first (devices say offline while the worker still stores it), then the worker.</summary>
    public async ValueTask DisposeAsync()
    {
        for (var i = _hosts.Count - 1; i >= 0; i--)
        {
            await _hosts[i].StopAsync(CancellationToken.None);
            _hosts[i].Dispose();
        }

        Influx.Dispose();
        _spool.Dispose();
        _loRaWan.Dispose();
    }

    private IHost Build(Dictionary<string, string?> settings, Action<HostApplicationBuilder> addComponent)
    {
        var (host, _) = TestHost.Build(
            settings,
            b =>
            {
                b.Logging.ClearProviders();
                b.Logging.SetMinimumLevel(LogLevel.Debug);
                b.Logging.AddProvider(Logs);
                addComponent(b);
            });
        _hosts.Add(host);
        return host;
    }
}
