using System.Text;
using Microsoft.Extensions.Logging;
using SmartOverhalla.Ingestion.Spool;
using SmartOverhalla.Testing.Hosting;

namespace SmartOverhalla.Ingestion.Tests.Spool;

/// <summary>A throw-away spool directory, and spools opened on it with their logs captured.</summary>
internal sealed class SpoolDirectory : IDisposable
{
    private readonly ILoggerFactory _loggers;

    public SpoolDirectory()
    {
        Path = Directory.CreateTempSubdirectory("so-spool-test-").FullName;
        _loggers = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Debug).AddProvider(Logs));
    }

    public string Path { get; }

    public CapturedLogs Logs { get; } = new();

    public BatchSpool Open(SpoolOptions? options = null) =>
        new(options ?? new SpoolOptions(), Path, _loggers.CreateLogger<BatchSpool>());

    public string[] Segments() => [.. Directory.GetFiles(Path, "segment-*.seg").Order(StringComparer.Ordinal)];

    public static byte[] Batch(int n, int points = 3)
    {
        var text = new StringBuilder();
        for (var i = 0; i < points; i++)
        {
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"streetlight,device=d{i} dimLevel={n}i {1_700_000_000_000_000_000L + n}\n");
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>Replays everything: the payloads in the order the spool hands them out.</summary>
    public static List<string> Drain(BatchSpool spool)
    {
        var replayed = new List<string>();
        for (var guard = 0; guard < 100_000 && spool.Peek() is { } record; guard++)
        {
            replayed.Add(Encoding.UTF8.GetString(record.LineProtocol.Span));
            spool.Complete(record);
        }

        return replayed;
    }

    public void Dispose()
    {
        _loggers.Dispose();
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
