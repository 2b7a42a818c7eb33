namespace SmartOverhalla.Analytics.Jobs;

/// <summary>
/// Static split of partitions between analytics instances (design.md, "Scale"): instance <c>i</c> of <c>n</c> owns the
/// partitions at positions i, i + n, i + 2n, ... of the job's partitions in ordinal order. No coordination protocol:
/// every instance computes the same answer from the same configuration, so each partition has exactly one owner, and
/// since watermarks live in InfluxDB a partition that moves to another instance (a new zone, a changed count) resumes
/// where its previous owner stopped.
/// </summary>
internal sealed class PartitionAssignment
{
    public PartitionAssignment(int instanceIndex, int instanceCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(instanceCount, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(instanceIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(instanceIndex, instanceCount);
        InstanceIndex = instanceIndex;
        InstanceCount = instanceCount;
    }

    public int InstanceIndex { get; }

    public int InstanceCount { get; }

    /// <summary>The partitions of <paramref name="partitions"/> this instance owns, in ordinal order.</summary>
    public IReadOnlyList<string> Owned(IEnumerable<string> partitions)
    {
        ArgumentNullException.ThrowIfNull(partitions);
        var ordered = partitions.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return [.. ordered.Where((_, position) => position % InstanceCount == InstanceIndex)];
    }
}
