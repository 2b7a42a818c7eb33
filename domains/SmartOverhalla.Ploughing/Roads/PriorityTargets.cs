namespace SmartOverhalla.Ploughing.Roads;

/// <summary>
/// The service standard: for each road priority, how long after the start of snowfall its roads must be ploughed
/// (for example priority 1 within 3 h, priority 2 within 6 h).
/// </summary>
public sealed class PriorityTargets
{
    private readonly SortedDictionary<int, TimeSpan> _targets;

    public PriorityTargets(IReadOnlyDictionary<int, TimeSpan> targets)
    {
        ArgumentNullException.ThrowIfNull(targets);
        if (targets.Count == 0)
        {
            throw new ArgumentException("At least one priority needs a target.", nameof(targets));
        }

        foreach (var (priority, target) in targets)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(priority, 1, nameof(targets));
            ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(target, TimeSpan.Zero, nameof(targets));
        }

        _targets = new SortedDictionary<int, TimeSpan>(targets.ToDictionary());
    }

    /// <summary>Priority 1 within 3 h, 2 within 6 h, 3 within 12 h.</summary>
    public static PriorityTargets Default { get; } = new(new Dictionary<int, TimeSpan>
    {
        [1] = TimeSpan.FromHours(3),
        [2] = TimeSpan.FromHours(6),
        [3] = TimeSpan.FromHours(12),
    });

    public IReadOnlyCollection<int> Priorities => _targets.Keys;

    public bool TryGet(int priority, out TimeSpan target) => _targets.TryGetValue(priority, out target);
}
