using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;

namespace SmartOverhalla.Ploughing.Roads;

/// <summary>The road segments of a municipality, by id and by place (a spatial index on their UTM 33N lines).</summary>
public sealed class RoadNetwork
{
    private readonly Dictionary<string, RoadSegment> _byId;
    private readonly STRtree<RoadSegment> _index = new();

    public RoadNetwork(IReadOnlyList<RoadSegment> segments)
    {
        ArgumentNullException.ThrowIfNull(segments);
        Segments = segments;
        _byId = segments.ToDictionary(s => s.Id, StringComparer.Ordinal);
        foreach (var segment in segments)
        {
            _index.Insert(segment.Projected.EnvelopeInternal, segment);
        }

        _index.Build();
    }

    public IReadOnlyList<RoadSegment> Segments { get; }

    public double TotalLengthMetres => Segments.Sum(s => s.LengthMetres);

    public RoadSegment? Find(string id) => _byId.GetValueOrDefault(id);

    /// <summary>Segments that pass within <paramref name="radiusMetres"/> of a UTM 33N point, nearest first.</summary>
    public IReadOnlyList<(RoadSegment Segment, double DistanceMetres)> Near(Coordinate utm, double radiusMetres)
    {
        ArgumentNullException.ThrowIfNull(utm);
        var point = new Point(utm);
        var search = new Envelope(utm.X - radiusMetres, utm.X + radiusMetres, utm.Y - radiusMetres, utm.Y + radiusMetres);
        return [.. _index.Query(search)
            .Select(s => (Segment: s, DistanceMetres: s.Projected.Distance(point)))
            .Where(c => c.DistanceMetres <= radiusMetres)
            .OrderBy(c => c.DistanceMetres)
            .ThenBy(c => c.Segment.Id, StringComparer.Ordinal)];
    }
}
