using System.Collections.Concurrent;
using SmartOverhalla.Analytics.Jobs;

namespace SmartOverhalla.Analytics.Tests.Support;

/// <summary>Watermarks in memory, for the runner's window logic (the InfluxDB store has its own tests against a real server).</summary>
internal sealed class InMemoryWatermarkStore : IWatermarkStore
{
    public ConcurrentDictionary<(string Job, string Partition), DateTimeOffset> Marks { get; } = new();

    public Task<IReadOnlyDictionary<string, DateTimeOffset>> ReadAsync(string job, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<string, DateTimeOffset>>(
            Marks.Where(m => m.Key.Job == job).ToDictionary(m => m.Key.Partition, m => m.Value, StringComparer.Ordinal));

    public Task WriteAsync(string job, string partition, DateTimeOffset watermark, CancellationToken cancellationToken)
    {
        Marks[(job, partition)] = watermark;
        return Task.CompletedTask;
    }
}
