namespace SmartOverhalla.Ploughing.Passes;

/// <summary>The stretches of one segment that were driven over, as metres along it, merged where they overlap or touch.</summary>
public sealed class CoveredStretches
{
    private readonly List<(double From, double To)> _stretches = [];

    /// <summary>Merged stretches in order along the segment.</summary>
    public IReadOnlyList<(double From, double To)> Stretches => _stretches;

    public double Metres => _stretches.Sum(s => s.To - s.From);

    public void Add(double from, double to)
    {
        if (to < from)
        {
            (from, to) = (to, from);
        }

        // Insert in order, then merge with every stretch it overlaps.
        var at = _stretches.FindIndex(s => s.To >= from);
        if (at < 0)
        {
            _stretches.Add((from, to));
            return;
        }

        while (at < _stretches.Count && _stretches[at].From <= to)
        {
            from = Math.Min(from, _stretches[at].From);
            to = Math.Max(to, _stretches[at].To);
            _stretches.RemoveAt(at);
        }

        _stretches.Insert(at, (from, to));
    }

    public void AddAll(CoveredStretches other)
    {
        ArgumentNullException.ThrowIfNull(other);
        foreach (var (from, to) in other._stretches)
        {
            Add(from, to);
        }
    }
}
