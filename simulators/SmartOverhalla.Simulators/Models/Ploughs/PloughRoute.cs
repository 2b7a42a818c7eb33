namespace SmartOverhalla.Simulators.Models.Ploughs;

/// <summary>
/// A ploughing route: a polyline of waypoints along roads. A route whose last waypoint equals its
/// first is a loop (driven round); any other is driven to its end and back.
/// </summary>
internal sealed class PloughRoute
{
    private readonly double[] _cumulativeM;

    public PloughRoute(string name, IReadOnlyList<GeoPoint> waypoints)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(waypoints);
        if (waypoints.Count < 2)
        {
            throw new ArgumentException("A route needs at least two waypoints.", nameof(waypoints));
        }

        Name = name;
        Waypoints = waypoints;
        _cumulativeM = new double[waypoints.Count];
        for (var i = 1; i < waypoints.Count; i++)
        {
            _cumulativeM[i] = _cumulativeM[i - 1] + Geodesy.DistanceM(waypoints[i - 1], waypoints[i]);
        }

        IsLoop = waypoints[0] == waypoints[^1];
    }

    public string Name { get; }

    public IReadOnlyList<GeoPoint> Waypoints { get; }

    /// <summary>Length along the road, metres.</summary>
    public double LengthM => _cumulativeM[^1];

    public bool IsLoop { get; }

    /// <summary>The position <paramref name="distanceM"/> metres from the start (clamped to the route).</summary>
    public GeoPoint PositionAt(double distanceM)
    {
        var segment = SegmentAt(distanceM);
        var start = _cumulativeM[segment];
        var length = _cumulativeM[segment + 1] - start;
        var fraction = length > 0 ? Math.Clamp((distanceM - start) / length, 0, 1) : 0;
        return Geodesy.Interpolate(Waypoints[segment], Waypoints[segment + 1], fraction);
    }

    /// <summary>Direction of the road at <paramref name="distanceM"/> when driven forwards (<paramref name="forward"/>) or back.</summary>
    public double BearingAt(double distanceM, bool forward)
    {
        var segment = SegmentAt(distanceM);
        var bearing = Geodesy.BearingDeg(Waypoints[segment], Waypoints[segment + 1]);
        return forward ? bearing : Geodesy.NormalizeDeg(bearing + 180);
    }

    /// <summary>Index of the segment (from waypoint i to i + 1) holding <paramref name="distanceM"/>.</summary>
    private int SegmentAt(double distanceM)
    {
        var index = Array.BinarySearch(_cumulativeM, Math.Clamp(distanceM, 0, LengthM));
        var segment = index >= 0 ? index : ~index - 1;
        return Math.Clamp(segment, 0, _cumulativeM.Length - 2);
    }
}
