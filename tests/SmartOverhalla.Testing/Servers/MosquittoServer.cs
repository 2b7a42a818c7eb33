namespace SmartOverhalla.Testing.Servers;

/// <summary>
/// A real Mosquitto broker on 127.0.0.1, started from the project's deploy/mosquitto config with its own
/// data dir, or an already running broker named by <c>SMARTOVERHALLA_TEST_MQTT_PORT</c>.
/// </summary>
public sealed class MosquittoServer : IAsyncDisposable
{
    public const string ReuseVariable = "SMARTOVERHALLA_TEST_MQTT_PORT";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    private readonly string _dataDir;
    private ServerProcess? _process;

    private MosquittoServer(int port, string dataDir, bool owned)
    {
        Port = port;
        _dataDir = dataDir;
        IsOwned = owned;
    }

    public string Host => "127.0.0.1";

    public int Port { get; }

    /// <summary>False when the tests reuse a broker they did not start (then it cannot be stopped or killed).</summary>
    public bool IsOwned { get; }

    public static async Task<MosquittoServer> StartAsync(CancellationToken cancellationToken = default)
    {
        if (int.TryParse(Environment.GetEnvironmentVariable(ReuseVariable), out var reusePort))
        {
            return new MosquittoServer(reusePort, string.Empty, owned: false);
        }

        var dataDir = Directory.CreateTempSubdirectory("so-mosquitto-").FullName;
        var server = new MosquittoServer(FreeTcpPort.Next(), dataDir, owned: true);
        await server.StartProcessAsync(cancellationToken);
        return server;
    }

    /// <summary>Stops the broker gracefully (it saves its persistence file) and starts it again on the same port and data.</summary>
    public async Task RestartAsync(CancellationToken cancellationToken = default)
    {
        await StopAsync();
        await StartProcessAsync(cancellationToken);
    }

    public async Task StopAsync()
    {
        EnsureOwned();
        if (_process is not null)
        {
            await _process.StopAsync(TimeSpan.FromSeconds(10));
            _process.Dispose();
            _process = null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!IsOwned)
        {
            return;
        }

        await StopAsync();
        TryDelete(_dataDir);
    }

    public string LogFile => Path.Combine(_dataDir, "mosquitto.log");

    private async Task StartProcessAsync(CancellationToken cancellationToken)
    {
        EnsureOwned();
        var config = ConfigTemplate.Render("deploy/mosquitto/mosquitto.conf.template", new Dictionary<string, string>
        {
            ["DATA_DIR"] = _dataDir,
            ["PORT"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["RUN_USER"] = Environment.UserName,
        });
        var configFile = Path.Combine(_dataDir, "mosquitto.conf");
        await File.WriteAllTextAsync(configFile, config, cancellationToken);
        var binary = ServerBinary.Find("mosquitto", "mosquitto");
        _process = ServerProcess.Start(binary, ["-c", configFile], LogFile);
        try
        {
            await Eventually.UntilAsync(
                async ct => _process.HasExited ? throw new InvalidOperationException("mosquitto exited at start") : await FreeTcpPort.IsOpenAsync(Port, ct),
                StartTimeout,
                $"Mosquitto to accept connections on 127.0.0.1:{Port} (log: {LogFile})",
                cancellationToken);
        }
        catch
        {
            var log = File.Exists(LogFile) ? await File.ReadAllTextAsync(LogFile, CancellationToken.None) : "(no log)";
            throw new InvalidOperationException($"Mosquitto did not start. Its log:\n{log}");
        }
    }

    private void EnsureOwned()
    {
        if (!IsOwned)
        {
            throw new InvalidOperationException($"This broker was not started by the tests ({ReuseVariable} is set); it cannot be stopped.");
        }
    }

    internal static void TryDelete(string dir)
    {
        try
        {
            Directory.Delete(dir, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a temp dir left behind is harmless.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
