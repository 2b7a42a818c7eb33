using System.Globalization;
using SmartOverhalla.Testing;

namespace SmartOverhalla.PipelineBench;

/// <summary>
/// The peer: a Node-RED flow (mqtt in → join → influxdb batch, bench/nodered) on the same Mosquitto and InfluxDB. Its
/// npm packages are installed once before any timing; when they do not install, the scenario is reported as not
/// measured, with the reason.
/// </summary>
internal sealed class NodeRedPeer : IAsyncDisposable
{
    /// <summary>What the flow prints once its telemetry subscription is active (bench/nodered/README.md, "Readiness").</summary>
    private const string ReadyText = "NODERED-PEER-READY";
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(3);
    private readonly BenchRig _rig;
    private readonly BenchSettings _settings;
    private readonly ThroughputScenarios _throughput;

    private NodeRedPeer(BenchRig rig, BenchSettings settings, ThroughputScenarios throughput, string? unavailable)
    {
        _rig = rig;
        _settings = settings;
        _throughput = throughput;
        Unavailable = unavailable;
    }

    /// <summary>Why the peer cannot be measured, or null when it can.</summary>
    public string? Unavailable { get; }

    public static async Task<NodeRedPeer> PrepareAsync(BenchSettings settings, BenchRig rig, ThroughputScenarios throughput, CancellationToken cancellationToken)
    {
        if (!settings.NodeRed || !settings.Includes(Scenario.NodeRed.Name))
        {
            return new NodeRedPeer(rig, settings, throughput, "not asked for (--no-nodered or --only)");
        }

        var install = Path.Combine(BenchPaths.NodeRedFolder, "install.sh");
        if (!File.Exists(install))
        {
            return new NodeRedPeer(rig, settings, throughput, $"{install} is missing");
        }

        var log = Path.Combine(rig.Folder, "nodered-install.log");
        using var process = Testing.Servers.ServerProcess.Start("bash", [install], log);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5), TimeProvider.System);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            await process.WaitForExitAsync(linked.Token);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            return new NodeRedPeer(rig, settings, throughput, $"its npm packages did not install within 5 minutes (see {log})");
        }

        return process.ExitCode == 0
            ? new NodeRedPeer(rig, settings, throughput, null)
            : new NodeRedPeer(rig, settings, throughput, $"its npm packages did not install (exit code {process.ExitCode}): {File.ReadLines(log).LastOrDefault()}");
    }

    public async Task<RunFigures> RunAsync(CancellationToken cancellationToken)
    {
        var folder = _rig.RunFolder("nodered");
        var database = await _rig.NewDatabaseAsync(cancellationToken);
        var clientId = "smartoverhalla-bench-nodered-" + Guid.NewGuid().ToString("N")[..6];
        var environment = new Dictionary<string, string>
        {
            ["NODERED_MQTT_HOST"] = _rig.Mosquitto.Host,
            ["NODERED_MQTT_PORT"] = _rig.Mosquitto.Port.ToString(CultureInfo.InvariantCulture),
            ["NODERED_INFLUX_URL"] = _rig.Influx.Url.ToString().TrimEnd('/'),
            ["NODERED_INFLUX_DB"] = database,
            ["NODERED_PORT"] = FreeTcpPort.Next().ToString(CultureInfo.InvariantCulture),
            ["NODERED_USER_DIR"] = Path.Combine(folder, "userdir"),
            ["NODERED_MQTT_CLIENT_ID"] = clientId,
        };
        await using var nodeRed = await ServiceProcess.StartAsync(
            "node-red", "bash", [Path.Combine(BenchPaths.NodeRedFolder, "start.sh")], environment, BenchPaths.NodeRedFolder,
            Path.Combine(folder, "node-red.log"), ReadyText, cancellationToken);
        using var store = new InfluxTestClient(_rig.Influx.Url, database);
        await _throughput.WarmUpAsync(_rig.MosquittoBroker, folder, cancellationToken, store);
        var before = nodeRed.Sample();
        var brokerBefore = _rig.MosquittoBroker.Sample();
        var databaseBefore = _rig.SampleDatabase();
        var publisher = _rig.Publisher(_rig.MosquittoBroker, _settings.Messages, _settings.Devices, _settings.InFlight, _settings.Connections, rate: 0);
        var publishing = PublisherProcess.RunAsync(publisher, folder, Deadline, cancellationToken);
        var (storedAt, total) = await StoredCount.WaitAsync(store, _settings.Warmup + _settings.Messages, Deadline, cancellationToken);
        var count = total - _settings.Warmup;
        var published = await publishing;
        var consumer = nodeRed.Sample().Since(before);
        var rate = storedAt is { } at ? _settings.Messages * 1000.0 / Math.Max(1, at - published.FirstPublishUnixMs) : 0;
        var figures = new RunFigures(rate, count, _settings.Messages, published, consumer, _rig.MosquittoBroker.Sample()?.Since(brokerBefore!.Value), _rig.SampleDatabase()?.Since(databaseBefore!.Value));
        await nodeRed.StopAsync();
        await BenchRig.ForgetSessionAsync(_rig.MosquittoBroker, clientId, cancellationToken);
        await _rig.DropDatabaseAsync(database, cancellationToken);
        return figures;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
