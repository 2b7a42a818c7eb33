namespace SmartOverhalla.Lighting.Astronomy;

/// <summary>
/// A point on the WGS 84 ellipsoid in decimal degrees: latitude north positive, longitude east positive
/// (the convention of NOAA's solar calculator, so Overhalla is 64.50, 11.95).
/// </summary>
public sealed record GeoCoordinate
{
    /// <summary>Creates a coordinate; throws when a value is outside its range or not a number.</summary>
    public GeoCoordinate(double latitude, double longitude)
    {
        if (!IsValidLatitude(latitude))
        {
            throw new ArgumentOutOfRangeException(nameof(latitude), latitude, "Latitude must be within -90 to 90 degrees.");
        }

        if (!IsValidLongitude(longitude))
        {
            throw new ArgumentOutOfRangeException(nameof(longitude), longitude, "Longitude must be within -180 to 180 degrees.");
        }

        Latitude = latitude;
        Longitude = longitude;
    }

    /// <summary>Degrees north of the equator, -90 to 90.</summary>
    public double Latitude { get; }

    /// <summary>Degrees east of Greenwich, -180 to 180.</summary>
    public double Longitude { get; }

    /// <summary>Whether <paramref name="latitude"/> is a finite value within -90 to 90.</summary>
    public static bool IsValidLatitude(double latitude) => double.IsFinite(latitude) && latitude is >= -90 and <= 90;

    /// <summary>Whether <paramref name="longitude"/> is a finite value within -180 to 180.</summary>
    public static bool IsValidLongitude(double longitude) => double.IsFinite(longitude) && longitude is >= -180 and <= 180;

    /// <inheritdoc />
    public override string ToString() =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Latitude:0.####}, {Longitude:0.####}");
}
