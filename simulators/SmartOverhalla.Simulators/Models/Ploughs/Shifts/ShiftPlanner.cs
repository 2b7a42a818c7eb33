using SmartOverhalla.Ploughing.Roads;

namespace SmartOverhalla.Simulators.Models.Ploughs.Shifts;

/// <summary>
/// Plans a plough's shift over the road network: from the depot, the nearest segment still to clear is reached along
/// the shortest way (plough up, except over segments still to clear on the way, which it clears), cleared end to end,
/// and so on; then back to the depot. A dead end is cleared to its end and left the way it came. Now and then a segment
/// is given up halfway (a U-turn: blocked by a stuck car, a fallen tree), so it stays half cleared.
/// </summary>
internal static class ShiftPlanner
{
    /// <summary>Segments shorter than this are never given up halfway.</summary>
    private const double MinUTurnSegmentMetres = 200;

    public static IReadOnlyList<ShiftLeg> Plan(RoadGraph graph, int depot, IEnumerable<RoadSegment> toClear, Random random, double uTurnChance)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(toClear);
        ArgumentNullException.ThrowIfNull(random);
        var remaining = new SortedSet<int>(toClear.Select(graph.IndexOf));
        var legs = new List<ShiftLeg>();
        var at = depot;
        while (remaining.Count > 0)
        {
            var paths = graph.From(at, double.PositiveInfinity);
            var (next, entry) = remaining
                .SelectMany(s => new[] { (Segment: s, Node: graph.StartOf(s)), (Segment: s, Node: graph.EndOf(s)) })
                .MinBy(e => (paths.DistanceTo(e.Node), e.Segment));
            if (double.IsInfinity(paths.DistanceTo(entry)))
            {
                // Not connected to where the plough is: another plough's work.
                remaining.Remove(next);
                continue;
            }

            foreach (var (segment, enteredAt) in paths.WayTo(entry))
            {
                legs.Add(Whole(graph, segment, enteredAt, ploughDown: remaining.Remove(segment)));
            }

            remaining.Remove(next);
            var whole = Whole(graph, next, entry, ploughDown: true);
            if (whole.LengthMetres >= MinUTurnSegmentMetres && random.NextDouble() < uTurnChance)
            {
                var halfway = (whole.FromMetres + whole.ToMetres) / 2;
                legs.Add(whole with { ToMetres = halfway });
                legs.Add(whole with { FromMetres = halfway, ToMetres = whole.FromMetres, PloughDown = false });
                at = entry;
            }
            else
            {
                legs.Add(whole);
                at = OtherEnd(graph, next, entry);
            }
        }

        foreach (var (segment, enteredAt) in graph.From(at, double.PositiveInfinity).WayTo(depot))
        {
            legs.Add(Whole(graph, segment, enteredAt, ploughDown: false));
        }

        return legs;
    }

    private static ShiftLeg Whole(RoadGraph graph, int segment, int enteredAt, bool ploughDown)
    {
        var length = graph.LengthOf(segment);
        var from = enteredAt == graph.StartOf(segment) ? 0 : length;
        return new ShiftLeg(graph.Segments[segment], from, length - from, ploughDown);
    }

    private static int OtherEnd(RoadGraph graph, int segment, int node) => node == graph.StartOf(segment) ? graph.EndOf(segment) : graph.StartOf(segment);
}
