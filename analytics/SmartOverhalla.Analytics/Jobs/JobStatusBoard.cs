using System.Collections.Concurrent;

namespace SmartOverhalla.Analytics.Jobs;

/// <summary>The status of every (job, partition) this instance has run, updated by the <see cref="JobRunner"/>.</summary>
internal sealed class JobStatusBoard
{
    private readonly ConcurrentDictionary<(string Job, string Partition), JobPartitionStatus> _statuses = new();

    public JobPartitionStatus Get(string job, string partition) => _statuses.GetValueOrDefault((job, partition), JobPartitionStatus.New);

    /// <summary>Every (job, partition) with its status, ordered.</summary>
    public IReadOnlyList<(string Job, string Partition, JobPartitionStatus Status)> Snapshot() =>
        [.. _statuses.OrderBy(e => e.Key.Job, StringComparer.Ordinal).ThenBy(e => e.Key.Partition, StringComparer.Ordinal).Select(e => (e.Key.Job, e.Key.Partition, e.Value))];

    public void Update(string job, string partition, Func<JobPartitionStatus, JobPartitionStatus> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        _statuses.AddOrUpdate((job, partition), _ => change(JobPartitionStatus.New), (_, current) => change(current));
    }

    /// <summary>Forgets partitions this instance no longer owns, so its self-metrics stop reporting them.</summary>
    public void Retain(string job, IReadOnlyCollection<string> partitions)
    {
        foreach (var key in _statuses.Keys.Where(k => k.Job == job && !partitions.Contains(k.Partition)))
        {
            _statuses.TryRemove(key, out _);
        }
    }
}
