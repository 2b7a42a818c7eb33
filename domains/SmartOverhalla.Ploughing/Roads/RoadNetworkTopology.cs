using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;

namespace SmartOverhalla.Ploughing.Roads;

/// <summary>
/// Checks that segments meet where the roads meet, as map matching needs to go from one segment to the next: ends
/// that almost touch must be the same position, and a segment that ends on the middle of another must have that other
/// split there (OpenStreetMap ways and many exports are not split at junctions). A split where only two segments meet
/// is allowed.
/// </summary>
public static class RoadNetworkTopology
{
    /// <summary>Closer than this (metres) and not equal: a near miss, not two separate places.</summary>
    public const double SnapMetres = 1.0;

    public static IEnumerable<string> Problems(IReadOnlyList<RoadSegment> segments)
    {
        ArgumentNullException.ThrowIfNull(segments);
        var index = new STRtree<RoadSegment>();
        foreach (var segment in segments)
        {
            index.Insert(segment.Projected.EnvelopeInternal, segment);
        }

        index.Build();
        foreach (var segment in segments)
        {
            foreach (var end in new[] { segment.Projected.StartPoint, segment.Projected.EndPoint })
            {
                var around = new Envelope(end.Coordinate);
                around.ExpandBy(SnapMetres);
                foreach (var other in index.Query(around))
                {
                    if (!ReferenceEquals(other, segment) && Problem(segment, end, other) is { } problem)
                    {
                        yield return problem;
                    }
                }
            }
        }
    }

    private static string? Problem(RoadSegment segment, Point end, RoadSegment other)
    {
        var line = other.Projected;
        var distanceToLine = line.Distance(end);
        if (distanceToLine > SnapMetres)
        {
            return null;
        }

        var nearest = Math.Min(line.StartPoint.Distance(end), line.EndPoint.Distance(end));
        if (nearest == 0)
        {
            return null;
        }

        if (nearest <= SnapMetres)
        {
            // Reported once, from the segment whose id sorts first.
            return string.CompareOrdinal(segment.Id, other.Id) < 0
                ? $"segment '{segment.Id}' and segment '{other.Id}' end {nearest:0.###} m apart: give them the same position where they meet"
                : null;
        }

        return $"segment '{segment.Id}' ends on the middle of segment '{other.Id}': split '{other.Id}' there, so the roads meet at an end of each";
    }
}
