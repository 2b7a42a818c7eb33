using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace SmartOverhalla.Testing.Hosting;

/// <summary>
/// Collects what a host under test logs, so a test can fail on an error it did not expect
/// (house-style.md) and can wait for a log line as a signal.
/// </summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<CapturedLog> _entries = new();

    public IReadOnlyCollection<CapturedLog> Entries => _entries;

    public IEnumerable<CapturedLog> Errors => _entries.Where(e => e.Level >= LogLevel.Error);

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, this);

    public void Dispose()
    {
    }

    /// <summary>Throws with every unexpected error logged; <paramref name="expected"/> marks errors a test provokes on purpose.</summary>
    public void AssertNoUnexpectedErrors(Func<CapturedLog, bool>? expected = null)
    {
        var unexpected = Errors.Where(e => expected?.Invoke(e) != true).ToList();
        if (unexpected.Count > 0)
        {
            throw new InvalidOperationException("The host logged errors the test did not expect:\n" + string.Join("\n", unexpected));
        }
    }

    private sealed class Logger(string category, CapturedLogs owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Debug;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            ArgumentNullException.ThrowIfNull(formatter);
            owner._entries.Enqueue(new CapturedLog(category, logLevel, eventId, formatter(state, exception), exception));
        }
    }
}
