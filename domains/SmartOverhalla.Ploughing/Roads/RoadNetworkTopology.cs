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

    public static IEnumerable<string> Problems(RoadNetwork network)
    {
        ArgumentNullException.ThrowIfNull(network);
        foreach (var segment in network.Segments)
        {
            foreach (var end in new[] { segment.Projected.StartPoint, segment.Projected.EndPoint })
            {
                foreach (var (other, _) in network.Near(end.Coordinate, SnapMetres))
                {
                    if (!ReferenceEquals(other, segment) && Problem(segment, end, other) is { } problem)
                    {
                        yield return problem;
                    }
                }
            }
        }
    }

    /// <summary>What is wrong where <paramref name="segment"/>'s end lies within <see cref="SnapMetres"/> of <paramref name="other"/>.</summary>
    private static string? Problem(RoadSegment segment, NetTopologySuite.Geometries.Point end, RoadSegment other)
    {
        var line = other.Projected;
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
