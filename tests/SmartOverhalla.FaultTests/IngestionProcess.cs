using System.Globalization;
using System.Reflection;
using SmartOverhalla.Testing;
using SmartOverhalla.Testing.Hosting;
using SmartOverhalla.Testing.Servers;

namespace SmartOverhalla.FaultTests;

/// <summary>
/// The ingestion worker as a real, separate process (<c>dotnet SmartOverhalla.Ingestion.dll</c>, configured by
/// environment variables), started, stopped and killed by its own PID. Its console log goes to a file.
/// </summary>
internal sealed class IngestionProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);
    private readonly Dictionary<string, string> _environment;
    private readonly string _logFile;
    private ServerProcess? _process;
    private int _starts;

    public IngestionProcess(Dictionary<string, string> environment, string logFile)
    {
        _environment = environment;
        _logFile = logFile;
        ClientId = environment["Ingestion__ClientId"];
        SpoolDirectory = Path.Combine(environment["Ingestion__Spool__Directory"], ClientId);
    }

    public static string DllPath =>
        typeof(IngestionProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "IngestionDll").Value!;

    public int? Pid => _process?.Pid;

    /// <summary>Its MQTT client id, which is also its instance name in the self-metrics.</summary>
    public string ClientId { get; }

    /// <summary>Its spool: <c>{Ingestion:Spool:Directory}/{ClientId}</c>.</summary>
    public string SpoolDirectory { get; }

    public string LogFile => _logFile;

    /// <summary>Starts the worker and waits until it has subscribed (its log says so) for the n-th time.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(DllPath))
        {
            throw new InvalidOperationException($"The ingestion worker is not built at {DllPath}.");
        }

        _starts++;
        _process = ServerProcess.Start("dotnet", [DllPath], _logFile, _environment, Path.GetDirectoryName(DllPath));
        var process = _process;
        await Eventually.UntilAsync(
            () => process.HasExited
                ? throw new InvalidOperationException("The ingestion worker exited at start; its log: " + _logFile)
                : Occurrences("Subscribed to") >= _starts,
            StartTimeout,
            $"the ingestion worker (pid {process.Pid}) to subscribe (log: {_logFile})",
            cancellationToken);
    }

    /// <summary>SIGKILL, as a crash: no draining, no clean disconnect, nothing flushed.</summary>
    public async Task KillAsync()
    {
        if (_process is not null)
        {
            await _process.KillAsync();
            _process.Dispose();
            _process = null;
        }
    }

    /// <summary>SIGTERM: the worker drains its queue and disconnects cleanly.</summary>
    public async Task StopAsync()
    {
        if (_process is not null)
        {
            await _process.StopAsync(TimeSpan.FromSeconds(20));
            _process.Dispose();
            _process = null;
        }
    }

    /// <summary>How many log lines contain <paramref name="text"/> so far.</summary>
    public int Occurrences(string text) => ReadLog().Count(l => l.Contains(text, StringComparison.Ordinal));

    /// <summary>Lines the worker logged at error level or worse ("fail:" and "crit:" in the simple console format).</summary>
    public IReadOnlyList<string> ErrorLines() => ProcessLog.ErrorLines(_logFile);

    /// <summary>The last lines of the worker's log, for the test output.</summary>
    public IEnumerable<string> Tail(int lines)
    {
        var log = ReadLog();
        return log.Skip(Math.Max(0, log.Length - lines));
    }

    public ValueTask DisposeAsync() => new(StopAsync());

    private string[] ReadLog() => ProcessLog.Lines(_logFile);

    public static Dictionary<string, string> Settings(string mqttHost, int mqttPort, Uri influxUrl, string database, string clientId, string spoolRoot) => new()
    {
        ["DOTNET_ENVIRONMENT"] = "Development",
        ["Mqtt__Host"] = mqttHost,
        ["Mqtt__Port"] = mqttPort.ToString(CultureInfo.InvariantCulture),
        ["Mqtt__ReconnectDelay"] = "00:00:00.250",
        ["InfluxDb__Url"] = influxUrl.ToString(),
        ["InfluxDb__Database"] = database,
        ["Ingestion__ClientId"] = clientId,
        ["Ingestion__InstanceName"] = clientId,
        ["Ingestion__BatchInterval"] = "00:00:00.100",
        ["Ingestion__SelfMetricsInterval"] = "00:00:01",
        ["Ingestion__WriteRetryDelay"] = "00:00:00.100",
        ["Ingestion__WriteRetryMaxDelay"] = "00:00:01",
        ["Ingestion__WriteRetryAttempts"] = "2",
        ["Ingestion__WriteAttemptTimeout"] = "00:00:05",
        ["Ingestion__CircuitBreakDuration"] = "00:00:01",
        ["Ingestion__Spool__Directory"] = spoolRoot,
        ["Ingestion__Spool__ReplayRetryDelay"] = "00:00:00.250",
    };
}
