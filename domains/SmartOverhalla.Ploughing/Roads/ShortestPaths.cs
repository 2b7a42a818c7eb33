namespace SmartOverhalla.Ploughing.Roads;

/// <summary>Shortest distances from one node of a <see cref="RoadGraph"/> to the nodes within a limit, and the ways there.</summary>
public sealed class ShortestPaths(
    int from,
    double limitMetres,
    IReadOnlyDictionary<int, double> distance,
    IReadOnlyDictionary<int, (int Segment, int Previous)> via)
{
    public int From { get; } = from;

    public double LimitMetres { get; } = limitMetres;

    /// <summary>Metres to <paramref name="node"/>, or infinity beyond the limit.</summary>
    public double DistanceTo(int node) => distance.TryGetValue(node, out var d) ? d : double.PositiveInfinity;

    /// <summary>The segments driven from <see cref="From"/> to <paramref name="node"/>, in order, each with the node it was entered from.</summary>
    public IReadOnlyList<(int Segment, int EnteredAt)> WayTo(int node)
    {
        var way = new List<(int, int)>();
        while (node != From)
        {
            var (segment, previous) = via[node];
            way.Add((segment, previous));
            node = previous;
        }

        way.Reverse();
        return way;
    }
}
