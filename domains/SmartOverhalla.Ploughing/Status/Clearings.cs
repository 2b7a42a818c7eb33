using SmartOverhalla.Ploughing.Passes;
using SmartOverhalla.Ploughing.Roads;

namespace SmartOverhalla.Ploughing.Status;

/// <summary>
/// When each segment was ploughed, from the passes of every vehicle: a segment is cleared when the passes that ended
/// within <see cref="ClearingRules.CombineWithin"/> of each other cover <see cref="ClearingRules.PloughedShare"/> of it,
/// at the end of the pass that made it so. Its "last ploughed at, by which vehicle" is the latest clearing.
/// </summary>
public static class Clearings
{
    public static IReadOnlyList<SegmentCleared> From(IEnumerable<PloughPass> passes, ClearingRules? rules = null)
    {
        ArgumentNullException.ThrowIfNull(passes);
        rules = (rules ?? ClearingRules.Default).Validated();
        var cleared = new List<SegmentCleared>();
        foreach (var segmentPasses in passes.GroupBy(p => p.Segment))
        {
            var open = new List<PloughPass>();
            foreach (var pass in segmentPasses.OrderBy(p => p.End).ThenBy(p => p.VehicleId, StringComparer.Ordinal))
            {
                open.RemoveAll(p => p.End < pass.End - rules.CombineWithin);
                open.Add(pass);
                var covered = new CoveredStretches();
                open.ForEach(p => covered.AddAll(p.Covered));
                if (covered.Metres >= rules.PloughedShare * segmentPasses.Key.LengthMetres)
                {
                    cleared.Add(new SegmentCleared(segmentPasses.Key, pass.End, pass.VehicleId));
                    open.Clear();
                }
            }
        }

        return [.. cleared.OrderBy(c => c.At).ThenBy(c => c.Segment.Id, StringComparer.Ordinal)];
    }

    /// <summary>The latest clearing of each segment that has one.</summary>
    public static IReadOnlyDictionary<RoadSegment, SegmentCleared> Latest(IEnumerable<SegmentCleared> clearings)
    {
        ArgumentNullException.ThrowIfNull(clearings);
        return clearings.GroupBy(c => c.Segment).ToDictionary(g => g.Key, g => g.MaxBy(c => c.At)!);
    }
}
