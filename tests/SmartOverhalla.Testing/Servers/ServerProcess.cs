using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.InteropServices;

namespace SmartOverhalla.Testing.Servers;

/// <summary>A server program this test run started itself; only ever stopped or killed by its own PID.</summary>
public sealed partial class ServerProcess : IDisposable
{
    private const int SigTerm = 15;

    /// <summary>Processes started and not yet disposed, killed when the test process exits without having stopped them.</summary>
    private static readonly ConcurrentDictionary<int, Process> Running = new();

    static ServerProcess()
    {
        // A fixture whose start failed, or a test that forgot to stop its server, would otherwise leave the server running
        // after the test run, still writing (logs, Mosquitto's autosave) into a temp directory that nothing removes.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => KillRunning();
    }
    private readonly Process _process;
    private readonly StreamWriter _log;

    private ServerProcess(Process process, StreamWriter log)
    {
        _process = process;
        _log = log;
    }

    public int Pid => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>The exit code, once <see cref="HasExited"/>.</summary>
    public int ExitCode => _process.ExitCode;

    /// <summary>Completes when the process has exited (by itself or stopped).</summary>
    public Task WaitForExitAsync(CancellationToken cancellationToken) => _process.WaitForExitAsync(cancellationToken);

    public static ServerProcess Start(string fileName, IEnumerable<string> arguments, string logFile) =>
        Start(fileName, arguments, logFile, environment: null, workingDirectory: null);

    /// <summary>Starts a program with extra environment variables (e.g. <c>Section__Key</c> settings) in <paramref name="workingDirectory"/>.</summary>
    public static ServerProcess Start(
        string fileName, IEnumerable<string> arguments, string logFile, IReadOnlyDictionary<string, string>? environment, string? workingDirectory)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var info = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? string.Empty,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }

        var log = new StreamWriter(logFile, append: true) { AutoFlush = true };
        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => Write(log, e.Data);
        process.ErrorDataReceived += (_, e) => Write(log, e.Data);
        if (!process.Start())
        {
            log.Dispose();
            throw new InvalidOperationException($"Could not start {fileName}.");
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        Running[process.Id] = process;
        return new ServerProcess(process, log);
    }

    /// <summary>Asks the process to stop (SIGTERM) and waits; kills it if it does not stop within <paramref name="grace"/>.</summary>
    public async Task StopAsync(TimeSpan grace)
    {
        if (_process.HasExited)
        {
            return;
        }

        _ = SendSignal(_process.Id, SigTerm);
        using var timeout = new CancellationTokenSource(grace, TimeProvider.System);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            await KillAsync();
        }
    }

    /// <summary>Kills the process at once (SIGKILL), as a crash would.</summary>
    public async Task KillAsync()
    {
        if (_process.HasExited)
        {
            return;
        }

        _process.Kill(entireProcessTree: false);
        await _process.WaitForExitAsync();
        RemoveRuntimeFiles(_process.Id);
    }

    public void Dispose()
    {
        var pid = _process.Id;
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: false);
            _process.WaitForExit(5000);
            RemoveRuntimeFiles(pid);
        }

        Running.TryRemove(pid, out _);
        _process.Dispose();
        _log.Dispose();
    }

    private static void KillRunning()
    {
        foreach (var (pid, process) in Running)
        {
            try
            {
                if (!process.HasExited)
                {
                    process.Kill(entireProcessTree: false);
                    process.WaitForExit(5000);
                    RemoveRuntimeFiles(pid);
                }
            }
            catch (InvalidOperationException)
            {
                // Gone already.
            }
        }
    }

    /// <summary>
    /// A .NET program (the fault tests' ingestion worker) keeps its diagnostics socket in the temp directory and removes
    /// it when it exits; killed, it cannot, so whoever killed it does.
    /// </summary>
    private static void RemoveRuntimeFiles(int pid)
    {
        foreach (var pattern in (string[])[$"dotnet-diagnostic-{pid}-*", $"clr-debug-pipe-{pid}-*"])
        {
            foreach (var file in Directory.EnumerateFiles(Path.GetTempPath(), pattern))
            {
                try
                {
                    File.Delete(file);
                }
                catch (IOException)
                {
                    // Someone else's already.
                }
            }
        }
    }

    private static void Write(StreamWriter log, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            try
            {
                log.WriteLine(line);
            }
            catch (ObjectDisposedException)
            {
                // The process outlived its log: nothing to keep.
            }
        }
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int SendSignal(int pid, int signal);
}
