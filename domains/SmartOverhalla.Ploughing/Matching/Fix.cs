using NetTopologySuite.Geometries;
using SmartOverhalla.Ploughing.Geo;
using SmartOverhalla.Ploughing.Tracks;

namespace SmartOverhalla.Ploughing.Matching;

/// <summary>A fix in UTM 33N metres, with its GPS error and its heading on the grid (null when not moving or not given).</summary>
internal readonly record struct Fix(Coordinate Utm, double SigmaMetres, double? GridHeadingDegrees)
{
    private const double MetresPerDegreeLat = 111_320;

    public static Fix Of(TrackPoint point, MapMatchingSettings settings)
    {
        var utm = Utm33.Project(point.Lon, point.Lat);
        var sigma = Math.Max(settings.MinGpsSigmaMetres, (point.Hdop ?? 0) * settings.GpsSigmaPerHdopMetres);
        double? gridHeading = null;
        if (point is { HeadingDeg: { } heading, SpeedKmh: { } speed } && speed >= settings.MinSpeedForHeadingKmh)
        {
            // The heading is from true north; the grid's north differs by the meridian convergence (up to about 9° in
            // western Norway on zone 33), so the heading is turned onto the grid by projecting a point 10 m ahead.
            var radians = heading * Math.PI / 180;
            var aheadLat = point.Lat + Math.Cos(radians) * 10 / MetresPerDegreeLat;
            var aheadLon = point.Lon + Math.Sin(radians) * 10 / (MetresPerDegreeLat * Math.Cos(point.Lat * Math.PI / 180));
            var ahead = Utm33.Project(aheadLon, aheadLat);
            gridHeading = Math.Atan2(ahead.X - utm.X, ahead.Y - utm.Y) * 180 / Math.PI;
        }

        return new Fix(utm, sigma, gridHeading);
    }
}
