using NetTopologySuite.Geometries;
using ProjNet.CoordinateSystems;
using ProjNet.CoordinateSystems.Transformations;

namespace SmartOverhalla.Ploughing.Geo;

/// <summary>
/// ETRS89 / UTM zone 33N (EPSG:25833), the projection Norway's map data (NVDB, Kartverket) uses for the whole country:
/// metres east and north, so lengths and distances are computed in metres, never in degrees. WGS 84 positions (the
/// devices' GPS) are taken as ETRS89 without a datum shift; the two differ by well under a metre in Norway, less than
/// GPS noise.
/// </summary>
public static class Utm33
{
    public const int Srid = 25833;

    private const string Wkt =
        "PROJCS[\"ETRS89 / UTM zone 33N\",GEOGCS[\"ETRS89\",DATUM[\"European_Terrestrial_Reference_System_1989\"," +
        "SPHEROID[\"GRS 1980\",6378137,298.257222101],TOWGS84[0,0,0,0,0,0,0]],PRIMEM[\"Greenwich\",0],UNIT[\"degree\",0.0174532925199433]]," +
        "PROJECTION[\"Transverse_Mercator\"],PARAMETER[\"latitude_of_origin\",0],PARAMETER[\"central_meridian\",15]," +
        "PARAMETER[\"scale_factor\",0.9996],PARAMETER[\"false_easting\",500000],PARAMETER[\"false_northing\",0]," +
        "UNIT[\"metre\",1],AUTHORITY[\"EPSG\",\"25833\"]]";

    // ProjNet's transforms keep state while they work: one per thread.
    private static readonly ThreadLocal<MathTransform> Transform = new(() =>
        new CoordinateTransformationFactory()
            .CreateFromCoordinateSystems(GeographicCoordinateSystem.WGS84, new CoordinateSystemFactory().CreateFromWkt(Wkt))
            .MathTransform);

    private static readonly ThreadLocal<MathTransform> Inverse = new(() =>
        new CoordinateTransformationFactory()
            .CreateFromCoordinateSystems(new CoordinateSystemFactory().CreateFromWkt(Wkt), GeographicCoordinateSystem.WGS84)
            .MathTransform);

    private static readonly GeometryFactory Factory = new(new PrecisionModel(), Srid);

    /// <summary>Easting and northing in metres of a WGS 84 position.</summary>
    public static Coordinate Project(double lon, double lat)
    {
        var (x, y) = Transform.Value!.Transform(lon, lat);
        return new Coordinate(x, y);
    }

    /// <summary>The WGS 84 position (lon, lat) of UTM 33N metres.</summary>
    public static (double Lon, double Lat) ToLonLat(Coordinate utm)
    {
        ArgumentNullException.ThrowIfNull(utm);
        return Inverse.Value!.Transform(utm.X, utm.Y);
    }

    /// <summary>The line in UTM 33N metres (SRID 25833), for lengths and distances.</summary>
    public static LineString Project(LineString wgs84)
    {
        ArgumentNullException.ThrowIfNull(wgs84);
        if (wgs84.SRID is not (0 or 4326))
        {
            throw new ArgumentException($"A WGS 84 line (SRID 4326) is expected, not SRID {wgs84.SRID}.", nameof(wgs84));
        }

        return Factory.CreateLineString([.. wgs84.Coordinates.Select(c => Project(c.X, c.Y))]);
    }
}
