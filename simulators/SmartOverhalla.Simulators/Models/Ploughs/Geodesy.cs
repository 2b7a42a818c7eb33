namespace SmartOverhalla.Simulators.Models.Ploughs;

/// <summary>Spherical-earth geometry: ample for road routes a few kilometres long.</summary>
internal static class Geodesy
{
    /// <summary>Mean earth radius (IUGG), metres.</summary>
    public const double EarthRadiusM = 6_371_008.8;

    /// <summary>Great-circle distance (haversine), metres.</summary>
    public static double DistanceM(GeoPoint a, GeoPoint b)
    {
        var dLat = ToRadians(b.Lat - a.Lat);
        var dLon = ToRadians(b.Lon - a.Lon);
        var h = (Math.Sin(dLat / 2) * Math.Sin(dLat / 2))
            + (Math.Cos(ToRadians(a.Lat)) * Math.Cos(ToRadians(b.Lat)) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2));
        return 2 * EarthRadiusM * Math.Asin(Math.Min(1, Math.Sqrt(h)));
    }

    /// <summary>Initial great-circle bearing from <paramref name="from"/> to <paramref name="to"/>, degrees from north, 0 ≤ b &lt; 360.</summary>
    public static double BearingDeg(GeoPoint from, GeoPoint to)
    {
        var lat1 = ToRadians(from.Lat);
        var lat2 = ToRadians(to.Lat);
        var dLon = ToRadians(to.Lon - from.Lon);
        var y = Math.Sin(dLon) * Math.Cos(lat2);
        var x = (Math.Cos(lat1) * Math.Sin(lat2)) - (Math.Sin(lat1) * Math.Cos(lat2) * Math.Cos(dLon));
        return NormalizeDeg(ToDegrees(Math.Atan2(y, x)));
    }

    /// <summary>The point <paramref name="northM"/> metres north and <paramref name="eastM"/> metres east of <paramref name="point"/>.</summary>
    public static GeoPoint Offset(GeoPoint point, double northM, double eastM) => new(
        point.Lat + ToDegrees(northM / EarthRadiusM),
        point.Lon + ToDegrees(eastM / (EarthRadiusM * Math.Cos(ToRadians(point.Lat)))));

    /// <summary>The point a <paramref name="fraction"/> of the way from <paramref name="a"/> to <paramref name="b"/> (linear; segments are short).</summary>
    public static GeoPoint Interpolate(GeoPoint a, GeoPoint b, double fraction) => new(
        a.Lat + ((b.Lat - a.Lat) * fraction),
        a.Lon + ((b.Lon - a.Lon) * fraction));

    /// <summary>Maps any angle in degrees to 0 ≤ a &lt; 360.</summary>
    public static double NormalizeDeg(double degrees)
    {
        var result = degrees % 360;
        return result < 0 ? result + 360 : result;
    }

    private static double ToRadians(double degrees) => degrees * Math.PI / 180;

    private static double ToDegrees(double radians) => radians * 180 / Math.PI;
}
