using NetTopologySuite.Geometries;

namespace SmartOverhalla.Ploughing.Roads;

/// <summary>
/// One stretch of road between junctions (or to a dead end): what is ploughed, matched against and reported on.
/// <see cref="Geometry"/> is as loaded (WGS 84, lon/lat); <see cref="Projected"/> is the same line in UTM 33N metres.
/// </summary>
public sealed class RoadSegment
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public required RoadClass Class { get; init; }

    public required int Priority { get; init; }

    /// <summary>How long after the start of snowfall the segment must be ploughed (its priority's target).</summary>
    public required TimeSpan Target { get; init; }

    /// <summary>Made up (the shipped network around Overhalla), not a real road.</summary>
    public bool Synthetic { get; init; }

    /// <summary>The line as given: WGS 84 (SRID 4326), x = lon, y = lat.</summary>
    public required LineString Geometry { get; init; }

    /// <summary>The line in ETRS89 / UTM 33N metres (SRID 25833).</summary>
    public required LineString Projected { get; init; }

    public double LengthMetres => Projected.Length;

    public override string ToString() => $"{Id} ({Name}, {LengthMetres:0} m)";
}
