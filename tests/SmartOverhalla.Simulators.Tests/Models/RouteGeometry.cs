using SmartOverhalla.Simulators.Models.Ploughs;

namespace SmartOverhalla.Simulators.Tests.Models;

/// <summary>Test-side geometry, written independently of the model's: distance from a fix to a route.</summary>
internal static class RouteGeometry
{
    private const double MetresPerDegree = 6_371_008.8 * Math.PI / 180;

    /// <summary>Shortest distance in metres from <paramref name="point"/> to the route's polyline (local flat projection).</summary>
    public static double DistanceToRouteM(PloughRoute route, GeoPoint point)
    {
        var cosLat = Math.Cos(point.Lat * Math.PI / 180);
        (double X, double Y) Project(GeoPoint p) => ((p.Lon - point.Lon) * cosLat * MetresPerDegree, (p.Lat - point.Lat) * MetresPerDegree);

        var best = double.MaxValue;
        for (var i = 1; i < route.Waypoints.Count; i++)
        {
            var a = Project(route.Waypoints[i - 1]);
            var b = Project(route.Waypoints[i]);
            var (dx, dy) = (b.X - a.X, b.Y - a.Y);
            var lengthSquared = (dx * dx) + (dy * dy);
            var t = lengthSquared == 0 ? 0 : Math.Clamp(-((a.X * dx) + (a.Y * dy)) / lengthSquared, 0, 1);
            var (cx, cy) = (a.X + (t * dx), a.Y + (t * dy));
            best = Math.Min(best, Math.Sqrt((cx * cx) + (cy * cy)));
        }

        return best;
    }

    /// <summary>Smallest angle between two headings, degrees (0-180).</summary>
    public static double AngleBetween(double a, double b)
    {
        var difference = Math.Abs(a - b) % 360;
        return difference > 180 ? 360 - difference : difference;
    }
}
