namespace SmartOverhalla.Lighting.Configuration;

/// <summary>
/// Which lights belong to a zone: listed device ids and/or device-id prefixes. Prefixes rather than patterns so
/// that the validator can prove that no light belongs to two zones.
/// </summary>
/// <param name="DeviceIds">Exact device ids (ordinal, case-sensitive as in MQTT topics).</param>
/// <param name="Prefixes">Every device whose id starts with one of these (ordinal) belongs to the zone.</param>
public sealed record LightSelection(IReadOnlyList<string> DeviceIds, IReadOnlyList<string> Prefixes)
{
    /// <summary>Whether <paramref name="deviceId"/> is one of this zone's lights.</summary>
    public bool Matches(string deviceId)
    {
        ArgumentNullException.ThrowIfNull(deviceId);
        foreach (var id in DeviceIds)
        {
            if (string.Equals(id, deviceId, StringComparison.Ordinal))
            {
                return true;
            }
        }

        foreach (var prefix in Prefixes)
        {
            if (deviceId.StartsWith(prefix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
