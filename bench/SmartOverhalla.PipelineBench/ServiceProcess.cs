using SmartOverhalla.Testing;
using SmartOverhalla.Testing.Hosting;
using SmartOverhalla.Testing.Servers;

namespace SmartOverhalla.PipelineBench;

/// <summary>
/// One process the benchmark measures (the ingestion worker, the gateway, Node-RED): started with its settings in the
/// environment, its output in a log file, ready when its log says so, sampled through <c>/proc</c>, stopped by its PID.
/// </summary>
internal sealed class ServiceProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private readonly ServerProcess _process;

    private ServiceProcess(string name, ServerProcess process, string logFile)
    {
        Name = name;
        _process = process;
        LogFile = logFile;
    }

    public string Name { get; }

    public string LogFile { get; }

    public int Pid => _process.Pid;

    /// <summary>Starts <paramref name="fileName"/> and waits until its log contains <paramref name="readyText"/>.</summary>
    public static async Task<ServiceProcess> StartAsync(
        string name,
        string fileName,
        IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string> environment,
        string workingDirectory,
        string logFile,
        string readyText,
        CancellationToken cancellationToken)
    {
        var process = new ServiceProcess(name, ServerProcess.Start(fileName, arguments, logFile, environment, workingDirectory), logFile);
        try
        {
            await Eventually.UntilAsync(
                () => process._process.HasExited
                    ? throw new InvalidOperationException($"{name} exited at start; its log: {logFile}")
                    : process.LogContains(readyText),
                StartTimeout,
                $"{name} (pid {process.Pid}) to log \"{readyText}\" (log: {logFile})",
                cancellationToken);
            return process;
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }
    }

    public ProcessSample Sample() => ProcessSample.Read(Pid);

    public bool LogContains(string text) => ProcessLog.Lines(LogFile).Any(l => l.Contains(text, StringComparison.Ordinal));

    /// <summary>Lines the process logged at error level or worse.</summary>
    public IReadOnlyList<string> ErrorLines() => ProcessLog.ErrorLines(LogFile);

    /// <summary>SIGTERM, waiting for a clean stop (the worker stores what it holds first).</summary>
    public Task StopAsync() => _process.StopAsync(TimeSpan.FromSeconds(30));

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _process.Dispose();
    }
}
