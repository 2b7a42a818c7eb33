namespace SmartOverhalla.Testing.Hosting;

/// <summary>
/// The console log of a service a test or benchmark runs as a separate process (simple console format), read while
/// the process still writes it.
/// </summary>
public static class ProcessLog
{
    /// <summary>The lines logged so far (none before the file exists).</summary>
    public static string[] Lines(string logFile)
    {
        if (!File.Exists(logFile))
        {
            return [];
        }

        using var stream = new FileStream(logFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Split('\n');
    }

    /// <summary>Lines logged at error level or worse ("fail:" and "crit:"), and an unhandled exception's first line.</summary>
    public static IReadOnlyList<string> ErrorLines(string logFile) =>
        [.. Lines(logFile).Where(l => l.Contains("fail:", StringComparison.Ordinal) || l.Contains("crit:", StringComparison.Ordinal) || l.Contains("Unhandled exception", StringComparison.Ordinal))];
}
