using SmartOverhalla.Ploughing.Geo;

namespace SmartOverhalla.Ploughing.Tests.Geo;

public sealed class Utm33Tests
{
    [Fact]
    public void The_central_meridian_at_the_equator_is_the_false_origin()
    {
        var origin = Utm33.Project(15.0, 0.0);

        Assert.Equal(500_000, origin.X, 3);
        Assert.Equal(0, origin.Y, 3);
    }

    [Theory]
    [InlineData(11.95, 64.49, 353_479.3747, 7_155_138.8404)]
    [InlineData(12.08, 64.50, 359_772.2985, 7_155_958.5901)]
    public void Positions_match_PROJ_to_the_centimetre(double lon, double lat, double easting, double northing)
    {
        // Control points from PROJ 9.1.1: echo "lat lon" | cs2cs -f "%.4f" EPSG:4326 EPSG:25833
        var utm = Utm33.Project(lon, lat);

        Assert.Equal(easting, utm.X, 0.02);
        Assert.Equal(northing, utm.Y, 0.02);
    }

    [Fact]
    public void Overhalla_lies_about_146_km_west_of_zone_33s_central_meridian()
    {
        // 3.05° of longitude at 64.49° N: N(φ)·cos φ·Δλ ≈ 6,395.6 km · 0.4304 · 0.05323 ≈ 146.5 km, times the scale 0.9996
        var centre = Utm33.Project(11.95, 64.49);

        Assert.InRange(centre.X, 353_000, 354_200);
        Assert.InRange(centre.Y, 7_150_000, 7_165_000);
    }

    [Theory]
    [InlineData(0.0, 0.009)]
    [InlineData(0.0207, 0.0)]
    [InlineData(0.015, 0.006)]
    public void Distances_near_Overhalla_are_true_metres_within_a_tenth_of_a_percent(double dLon, double dLat)
    {
        var (lon, lat) = (11.95, 64.49);
        var a = Utm33.Project(lon, lat);
        var b = Utm33.Project(lon + dLon, lat + dLat);

        var utm = a.Distance(b);
        var ground = Ellipsoidal(lon, lat, lon + dLon, lat + dLat);

        // UTM's scale 3° west of the central meridian is 0.99986: lengths within 0.02 % of the ground
        Assert.InRange(utm / ground, 0.999, 1.001);
        Assert.InRange(ground, 600, 1_100);
    }

    /// <summary>
    /// Distance on the GRS 80 ellipsoid for short lines, from its radii of curvature at the mid-latitude (good to about
    /// a millionth over a kilometre): an independent check of the projection.
    /// </summary>
    private static double Ellipsoidal(double lon1, double lat1, double lon2, double lat2)
    {
        const double a = 6_378_137, f = 1 / 298.257222101;
        const double e2 = f * (2 - f);
        static double Rad(double degrees) => degrees * Math.PI / 180;
        var phi = Rad((lat1 + lat2) / 2);
        var w = 1 - (e2 * Math.Sin(phi) * Math.Sin(phi));
        var meridional = a * (1 - e2) / Math.Pow(w, 1.5);
        var primeVertical = a / Math.Sqrt(w);
        var north = meridional * Rad(lat2 - lat1);
        var east = primeVertical * Math.Cos(phi) * Rad(lon2 - lon1);
        return Math.Sqrt((north * north) + (east * east));
    }
}
