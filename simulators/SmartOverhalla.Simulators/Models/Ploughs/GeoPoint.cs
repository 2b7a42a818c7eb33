namespace SmartOverhalla.Simulators.Models.Ploughs;

/// <summary>A WGS 84 position in degrees.</summary>
internal readonly record struct GeoPoint(double Lat, double Lon);
