using System.Reflection;
using SmartOverhalla.Testing.Hosting;
using SmartOverhalla.Testing.Servers;

namespace SmartOverhalla.Analytics.Tests.Support;

/// <summary>
/// The analytics host as a real, separate process (<c>dotnet SmartOverhalla.Analytics.dll</c>, configured by environment
/// variables), started and killed by its own PID, its console log in a file.
/// </summary>
internal sealed class AnalyticsProcess : IDisposable
{
    private readonly ServerProcess _process;

    private AnalyticsProcess(ServerProcess process, string logFile)
    {
        _process = process;
        LogFile = logFile;
    }

    public static string DllPath =>
        typeof(AnalyticsProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "AnalyticsDll").Value!;

    public string LogFile { get; }

    public bool HasExited => _process.HasExited;

    public static AnalyticsProcess Start(IReadOnlyDictionary<string, string> environment, string logFile)
    {
        if (!File.Exists(DllPath))
        {
            throw new InvalidOperationException($"The analytics host is not built at {DllPath}.");
        }

        return new AnalyticsProcess(ServerProcess.Start("dotnet", [DllPath], logFile, environment, Path.GetDirectoryName(DllPath)), logFile);
    }

    /// <summary>SIGKILL, as a crash: nothing is finished or flushed.</summary>
    public Task KillAsync() => _process.KillAsync();

    /// <summary>The lines logged so far.</summary>
    public IReadOnlyList<string> Lines() => ProcessLog.Lines(LogFile);

    /// <summary>Lines logged at error level or worse ("fail:" and "crit:" in the simple console format).</summary>
    public IReadOnlyList<string> ErrorLines() => ProcessLog.ErrorLines(LogFile);

    public void Dispose() => _process.Dispose();
}
