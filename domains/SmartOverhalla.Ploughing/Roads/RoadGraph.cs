namespace SmartOverhalla.Ploughing.Roads;

/// <summary>
/// The road network as a graph for routing between road positions (map matching, planning a route): a node where segment ends meet (the loader
/// guarantees they share the exact position), an edge per segment, its length in metres. Every road is taken as
/// drivable both ways, as ploughs drive them.
/// </summary>
public sealed class RoadGraph
{
    private readonly int[] _startNode;
    private readonly int[] _endNode;
    private readonly List<(int Segment, int To)>[] _edges;
    private readonly Dictionary<RoadSegment, int> _indexOf;

    public RoadGraph(RoadNetwork network)
    {
        ArgumentNullException.ThrowIfNull(network);
        Segments = network.Segments;
        _indexOf = new Dictionary<RoadSegment, int>(ReferenceEqualityComparer.Instance);
        var nodes = new Dictionary<(double, double), int>();
        _startNode = new int[Segments.Count];
        _endNode = new int[Segments.Count];
        for (var i = 0; i < Segments.Count; i++)
        {
            var line = Segments[i].Geometry;
            _indexOf[Segments[i]] = i;
            _startNode[i] = NodeAt(nodes, line.StartPoint.X, line.StartPoint.Y);
            _endNode[i] = NodeAt(nodes, line.EndPoint.X, line.EndPoint.Y);
        }

        _edges = new List<(int, int)>[nodes.Count];
        for (var n = 0; n < nodes.Count; n++)
        {
            _edges[n] = [];
        }

        for (var i = 0; i < Segments.Count; i++)
        {
            _edges[_startNode[i]].Add((i, _endNode[i]));
            _edges[_endNode[i]].Add((i, _startNode[i]));
        }
    }

    public IReadOnlyList<RoadSegment> Segments { get; }

    public int NodeCount => _edges.Length;

    public int IndexOf(RoadSegment segment) => _indexOf[segment];

    public int StartOf(int segment) => _startNode[segment];

    public int EndOf(int segment) => _endNode[segment];

    public double LengthOf(int segment) => Segments[segment].LengthMetres;

    /// <summary>
    /// Shortest distances from <paramref name="from"/> to every node within <paramref name="limitMetres"/> (Dijkstra),
    /// with the segment each node was reached by, to trace the way back.
    /// </summary>
    public ShortestPaths From(int from, double limitMetres)
    {
        var distance = new Dictionary<int, double> { [from] = 0 };
        var via = new Dictionary<int, (int Segment, int Previous)>();
        var queue = new PriorityQueue<int, double>();
        queue.Enqueue(from, 0);
        while (queue.TryDequeue(out var node, out var d))
        {
            if (d > distance[node])
            {
                continue;
            }

            foreach (var (segment, to) in _edges[node])
            {
                var next = d + LengthOf(segment);
                if (next <= limitMetres && (!distance.TryGetValue(to, out var known) || next < known))
                {
                    distance[to] = next;
                    via[to] = (segment, node);
                    queue.Enqueue(to, next);
                }
            }
        }

        return new ShortestPaths(from, limitMetres, distance, via);
    }

    private static int NodeAt(Dictionary<(double, double), int> nodes, double x, double y)
    {
        if (!nodes.TryGetValue((x, y), out var node))
        {
            nodes[(x, y)] = node = nodes.Count;
        }

        return node;
    }
}
