using SmartOverhalla.Lighting.Astronomy;

namespace SmartOverhalla.Lighting.Configuration;

/// <summary>A group of lights that share a place (for the astronomical clock) and profiles.</summary>
/// <param name="Id">Slug, unique in the file: lower-case letters, digits and '-'.</param>
/// <param name="Name">Name for operators.</param>
/// <param name="Location">Where the sun is computed for.</param>
/// <param name="Lights">Which lights belong to the zone.</param>
/// <param name="Profiles">The profile per day type.</param>
public sealed record LightingZone(string Id, string Name, GeoCoordinate Location, LightSelection Lights, ZoneProfiles Profiles);
