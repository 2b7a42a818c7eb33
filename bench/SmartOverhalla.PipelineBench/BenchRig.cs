using MQTTnet;
using System.Globalization;
using SmartOverhalla.Testing;
using SmartOverhalla.Testing.Servers;

namespace SmartOverhalla.PipelineBench;

/// <summary>
/// The benchmark's world: its own Mosquitto (the project's config: no queue limit, 1,000 in flight) and InfluxDB on
/// 127.0.0.1, a temp folder for every log and data file, and how to start the processes it measures.
/// </summary>
internal sealed class BenchRig : IAsyncDisposable
{
    public const string TelemetryFilter = "smartcity/v1/+/streetlight/+/telemetry";
    private const string WorkerOverridePrefix = "PIPELINEBENCH_WORKER_";
    private const string IngestionUser = "smartoverhalla-ingestion";
    private readonly TempDirectory _folder;
    private int _sequence;

    private BenchRig(MosquittoServer mosquitto, InfluxServer influx, TempDirectory folder)
    {
        Mosquitto = mosquitto;
        Influx = influx;
        _folder = folder;
        MosquittoBroker = new Broker("Mosquitto", mosquitto.Host, mosquitto.Port, null, null, mosquitto.ProcessId, null);
    }

    public MosquittoServer Mosquitto { get; }

    public InfluxServer Influx { get; }

    public Broker MosquittoBroker { get; }

    public string Folder => _folder.Path;

    public static async Task<BenchRig> StartAsync(CancellationToken cancellationToken)
    {
        var folder = new TempDirectory("so-pipelinebench-");
        MosquittoServer? mosquitto = null;
        try
        {
            mosquitto = await MosquittoServer.StartAsync(cancellationToken);
            var influx = await InfluxServer.StartAsync(cancellationToken);
            return new BenchRig(mosquitto, influx, folder);
        }
        catch
        {
            if (mosquitto is not null)
            {
                await mosquitto.DisposeAsync();
            }

            folder.Dispose();
            throw;
        }
    }

    /// <summary>A fresh folder for one run's logs and data.</summary>
    public string RunFolder(string name)
    {
        var path = Path.Combine(Folder, $"{Interlocked.Increment(ref _sequence):D3}-{name}");
        Directory.CreateDirectory(path);
        return path;
    }

    /// <summary>A fresh, empty database.</summary>
    public async Task<string> NewDatabaseAsync(CancellationToken cancellationToken)
    {
        var database = TestNames.Database();
        using var store = new InfluxTestClient(Influx.Url, database);
        await store.Schema.EnsureDatabaseAsync(cancellationToken);
        return database;
    }

    /// <summary>
    /// Drops a run's database when the run is over, so that InfluxDB does not spend the next runs' CPU compacting it (its
    /// CPU per message would then be the earlier runs' as much as this one's).
    /// </summary>
    public async Task DropDatabaseAsync(string database, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = Influx.Url };
        using var content = new FormUrlEncodedContent([new KeyValuePair<string, string>("q", $"DROP DATABASE \"{database}\"")]);
        using var response = await http.PostAsync(new Uri("query", UriKind.Relative), content, cancellationToken);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>
    /// Ends the persistent session a run's consumer left at the broker (clean start, session expiry 0). Left alone, every
    /// later run's messages would also be queued for it: by the third round Mosquitto did several times the work per
    /// message, and the latency runs fell behind by seconds.
    /// </summary>
    public static async Task ForgetSessionAsync(Broker broker, string clientId, CancellationToken cancellationToken)
    {
        using var client = new MqttClientFactory().CreateMqttClient();
        var options = new MqttClientOptionsBuilder()
            .WithTcpServer(broker.Host, broker.Port)
            .WithClientId(clientId)
            .WithCleanStart()
            .WithSessionExpiryInterval(0);
        if (broker.WorkerUsername is { } user)
        {
            options = options.WithCredentials(user, broker.WorkerPassword);
        }

        await client.ConnectAsync(options.Build(), cancellationToken);
        await client.DisconnectAsync(cancellationToken: cancellationToken);
    }

    /// <summary>The ingestion worker as shipped (Release build, its own defaults), one instance, ready once subscribed.</summary>
    public Task<ServiceProcess> StartWorkerAsync(Broker broker, string database, string instance, string? sharedGroup, string folder, CancellationToken cancellationToken)
    {
        var environment = new Dictionary<string, string>
        {
            ["DOTNET_ENVIRONMENT"] = "Production",
            ["Mqtt__Host"] = broker.Host,
            ["Mqtt__Port"] = broker.Port.ToString(CultureInfo.InvariantCulture),
            ["InfluxDb__Url"] = Influx.Url.ToString(),
            ["InfluxDb__Database"] = database,
            ["Ingestion__ClientId"] = instance,
            ["Ingestion__InstanceName"] = instance,
            ["Ingestion__Spool__Directory"] = Path.Combine(folder, "spool"),
        };
        if (broker.WorkerUsername is { } user)
        {
            environment["Mqtt__Username"] = user;
            environment["Mqtt__Password"] = broker.WorkerPassword!;
        }

        foreach (var (key, value) in WorkerOverrides())
        {
            environment[key] = value;
        }

        if (sharedGroup is not null)
        {
            environment["Ingestion__SharedSubscriptionGroup"] = sharedGroup;
        }

        return ServiceProcess.StartAsync(
            instance, "dotnet", [BenchPaths.IngestionDll], environment, Path.GetDirectoryName(BenchPaths.IngestionDll)!,
            Path.Combine(folder, instance + ".log"), "Subscribed to", cancellationToken);
    }

    /// <summary>
    /// Settings to try on the worker without a rebuild: every <c>PIPELINEBENCH_WORKER_X</c> variable of this process
    /// becomes the worker's <c>X</c> (e.g. <c>PIPELINEBENCH_WORKER_Ingestion__BatchSize=10000</c>); the results file lists them.
    /// </summary>
    public static IReadOnlyDictionary<string, string> WorkerOverrides() =>
        Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>()
            .Where(e => ((string)e.Key).StartsWith(WorkerOverridePrefix, StringComparison.Ordinal))
            .ToDictionary(e => ((string)e.Key)[WorkerOverridePrefix.Length..], e => (string)e.Value!);

    /// <summary>
    /// The gateway with its embedded broker (the zero-install default), on a free port. Development, so that the
    /// publisher may connect anonymously: one benchmark client publishes for 2,000 devices, which the per-identity
    /// publish limit would otherwise slow to 20 msg/s (its client ids are exempt: <c>smartoverhalla-*</c>).
    /// </summary>
    public async Task<Broker> StartGatewayAsync(string folder, CancellationToken cancellationToken)
    {
        var port = FreeTcpPort.Next();
        var password = Guid.NewGuid().ToString("N");
        var data = Path.Combine(folder, "gateway-data");
        var environment = new Dictionary<string, string>
        {
            ["DOTNET_ENVIRONMENT"] = "Development",
            ["Logging__LogLevel__SmartOverhalla.Gateway"] = "Information",
            ["Urls"] = $"http://127.0.0.1:{FreeTcpPort.Next()}",
            ["Broker__Embedded__Port"] = port.ToString(CultureInfo.InvariantCulture),
            ["Broker__Embedded__AllowAnonymous"] = "true",
            ["Broker__Accounts__Ingestion__Password"] = password,
            ["InfluxDb__Url"] = Influx.Url.ToString(),
            ["InfluxDb__Database"] = "gateway_" + Guid.NewGuid().ToString("N")[..8],
            ["Devices__RegistryFile"] = Path.Combine(data, "device-registry.json"),
            ["Lighting__StateFile"] = Path.Combine(data, "lighting-state.json"),
            ["Water__Registry__File"] = Path.Combine(data, "water-meters.json"),
            ["Water__Notices__File"] = Path.Combine(data, "water-notices.json"),
        };
        var gateway = await ServiceProcess.StartAsync(
            "gateway", "dotnet", [BenchPaths.GatewayDll], environment, Path.GetDirectoryName(BenchPaths.GatewayDll)!,
            Path.Combine(folder, "gateway.log"), "Application started", cancellationToken);
        return new Broker("embedded", "127.0.0.1", port, IngestionUser, password, gateway.Pid, gateway);
    }

    /// <summary>InfluxDB's CPU so far, to see what the database costs per message.</summary>
    public ProcessSample? SampleDatabase() => Influx.ProcessId is { } pid ? ProcessSample.Read(pid) : null;

    public PublisherSettings Publisher(Broker broker, int messages, int devices, int inFlight, int connections, int rate) =>
        new(broker.Host, broker.Port, messages, devices, inFlight, connections, rate, TestNames.Municipality(), "smartoverhalla-bench-pub-" + Guid.NewGuid().ToString("N")[..6]);

    /// <summary>Set when a run failed: the folder with every log is kept (and named) instead of deleted.</summary>
    public bool KeepLogs { get; set; }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await Influx.DisposeAsync();
        }
        finally
        {
            await Mosquitto.DisposeAsync();
            if (KeepLogs)
            {
                Console.Error.WriteLine($"The logs of the failed run are kept in {Folder}; delete it when done.");
            }
            else
            {
                _folder.Dispose();
            }
        }
    }
}
