namespace SmartOverhalla.Lighting.Configuration;

/// <summary>A validated zone file: every zone's profiles resolved, no light in two zones.</summary>
/// <param name="Municipality">The municipality slug the zones belong to (as in MQTT topics).</param>
/// <param name="Zones">Zones in file order.</param>
/// <param name="Profiles">Profiles in file order, including those no zone uses.</param>
public sealed record ZoneConfiguration(string Municipality, IReadOnlyList<LightingZone> Zones, IReadOnlyList<DimmingProfile> Profiles)
{
    /// <summary>The zone with <paramref name="zoneId"/>, or null.</summary>
    public LightingZone? FindZone(string zoneId) =>
        Zones.FirstOrDefault(zone => string.Equals(zone.Id, zoneId, StringComparison.Ordinal));

    /// <summary>The zone <paramref name="deviceId"/> belongs to, or null when no zone claims it.</summary>
    public LightingZone? ZoneOf(string deviceId) => Zones.FirstOrDefault(zone => zone.Lights.Matches(deviceId));
}
