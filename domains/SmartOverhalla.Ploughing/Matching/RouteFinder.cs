using SmartOverhalla.Ploughing.Roads;

namespace SmartOverhalla.Ploughing.Matching;

/// <summary>
/// The shortest way along the roads between two candidate positions (the HMM's transition compares it with the straight
/// line between the fixes). Shortest paths from a node are kept for one step of the track, where every pair of
/// candidates asks for the same few nodes.
/// </summary>
internal sealed class RouteFinder(RoadGraph graph)
{
    private readonly Dictionary<int, ShortestPaths> _paths = [];

    /// <summary>Forgets the paths kept for the step before.</summary>
    public void NextStep() => _paths.Clear();

    /// <summary>Metres along the roads from <paramref name="a"/> to <paramref name="b"/>, or infinity beyond <paramref name="limitMetres"/>.</summary>
    public double Metres(in Candidate a, in Candidate b, double limitMetres)
    {
        // Ploughs turn on the road (a U-turn halfway), so the way back along the same segment is direct; only a loop
        // segment, or two segments joining the same two nodes, can offer a shorter way out and back in.
        var direct = a.Segment == b.Segment ? Direct(a, b) : double.PositiveInfinity;
        if (direct > limitMetres)
        {
            direct = double.PositiveInfinity;
        }

        return a.Segment == b.Segment && !ViaEndsMayBeShorter(a, b, Direct(a, b)) ? direct : Math.Min(direct, Best(a, b, limitMetres).Metres);
    }

    /// <summary>The stretches driven from <paramref name="a"/> to <paramref name="b"/> in order.</summary>
    public IReadOnlyList<RoutePiece> Pieces(in Candidate a, in Candidate b, double limitMetres)
    {
        var segments = graph.Segments;
        var (metres, leave, enter) = a.Segment == b.Segment && !ViaEndsMayBeShorter(a, b, Direct(a, b))
            ? (double.PositiveInfinity, default, default)
            : Best(a, b, limitMetres);
        if (a.Segment == b.Segment && Direct(a, b) <= metres)
        {
            return [new RoutePiece(segments[a.Segment], a.OffsetMetres, b.OffsetMetres)];
        }

        if (double.IsInfinity(metres))
        {
            return [];
        }

        var pieces = new List<RoutePiece> { new(segments[a.Segment], a.OffsetMetres, leave.Offset) };
        foreach (var (segment, enteredAt) in PathsFrom(leave.Node, limitMetres).WayTo(enter.Node))
        {
            var from = enteredAt == graph.StartOf(segment) ? 0 : graph.LengthOf(segment);
            pieces.Add(new RoutePiece(segments[segment], from, graph.LengthOf(segment) - from));
        }

        pieces.Add(new RoutePiece(segments[b.Segment], enter.Offset, b.OffsetMetres));
        pieces.RemoveAll(p => p.LengthMetres == 0);
        return pieces;
    }

    private (double Metres, SegmentEnd Leave, SegmentEnd Enter) Best(in Candidate a, in Candidate b, double limitMetres)
    {
        var best = (Metres: double.PositiveInfinity, Leave: default(SegmentEnd), Enter: default(SegmentEnd));
        foreach (var leave in (ReadOnlySpan<SegmentEnd>)[StartOf(a.Segment), EndOf(a.Segment)])
        {
            var toLeave = Math.Abs(leave.Offset - a.OffsetMetres);
            if (toLeave > limitMetres)
            {
                continue;
            }

            var paths = PathsFrom(leave.Node, limitMetres);
            foreach (var enter in (ReadOnlySpan<SegmentEnd>)[StartOf(b.Segment), EndOf(b.Segment)])
            {
                var metres = toLeave + paths.DistanceTo(enter.Node) + Math.Abs(b.OffsetMetres - enter.Offset);
                if (metres < best.Metres && metres <= limitMetres)
                {
                    best = (metres, leave, enter);
                }
            }
        }

        return best;
    }

    private static double Direct(in Candidate a, in Candidate b) => Math.Abs(b.OffsetMetres - a.OffsetMetres);

    /// <summary>
    /// Whether a way out of the segment and back in (a loop segment whose ends meet, two segments joining the same two
    /// nodes) could beat the direct way along it: only when reaching an end from each position is shorter than the direct way.
    /// </summary>
    private bool ViaEndsMayBeShorter(in Candidate a, in Candidate b, double direct)
    {
        var length = graph.LengthOf(a.Segment);
        return Math.Min(a.OffsetMetres, length - a.OffsetMetres) + Math.Min(b.OffsetMetres, length - b.OffsetMetres) < direct;
    }

    // The two ends of a segment: its nodes and their metres along it (both nodes may be one, for a loop). Taken as a span
    // of two on the stack: this runs for every pair of candidates of every fix.
    private SegmentEnd StartOf(int segment) => new(graph.StartOf(segment), 0);

    private SegmentEnd EndOf(int segment) => new(graph.EndOf(segment), graph.LengthOf(segment));

    private ShortestPaths PathsFrom(int node, double limitMetres)
    {
        if (!_paths.TryGetValue(node, out var paths) || paths.LimitMetres < limitMetres)
        {
            _paths[node] = paths = graph.From(node, limitMetres);
        }

        return paths;
    }

    private readonly record struct SegmentEnd(int Node, double Offset);
}
