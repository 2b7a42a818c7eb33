namespace SmartOverhalla.Lighting.Configuration;

/// <summary>
/// Proves that no light belongs to two zones: no device id listed twice, no listed device under another zone's
/// prefix, no prefix that starts another zone's prefix. A light in two zones would get two desired levels.
/// </summary>
internal static class LightOverlapCheck
{
    /// <summary>Adds a problem for each overlapping pair of zones.</summary>
    public static void Check(IReadOnlyList<(string Where, LightSelection Lights)> zones, List<ConfigurationProblem> problems)
    {
        var ownerOfDevice = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (where, lights) in zones)
        {
            foreach (var device in lights.DeviceIds)
            {
                if (ownerOfDevice.TryGetValue(device, out var owner) && owner != where)
                {
                    problems.Add(new(where, $"device '{device}' is also in {owner}: a light belongs to one zone"));
                }
                else
                {
                    ownerOfDevice.TryAdd(device, where);
                }
            }
        }

        for (var i = 0; i < zones.Count; i++)
        {
            for (var j = 0; j < zones.Count; j++)
            {
                if (i != j)
                {
                    CheckPair(zones[i], zones[j], i > j, problems);
                }
            }
        }
    }

    private static void CheckPair(
        (string Where, LightSelection Lights) zone,
        (string Where, LightSelection Lights) other,
        bool reportPrefixPairs, // each pair of prefixes once, on the later zone, which brought the overlap
        List<ConfigurationProblem> problems)
    {
        foreach (var prefix in other.Lights.Prefixes)
        {
            foreach (var device in zone.Lights.DeviceIds)
            {
                if (device.StartsWith(prefix, StringComparison.Ordinal))
                {
                    problems.Add(new(zone.Where, $"device '{device}' also matches prefix '{prefix}' of {other.Where}: a light belongs to one zone"));
                }
            }

            if (!reportPrefixPairs)
            {
                continue;
            }

            foreach (var own in zone.Lights.Prefixes)
            {
                if (own.StartsWith(prefix, StringComparison.Ordinal) || prefix.StartsWith(own, StringComparison.Ordinal))
                {
                    problems.Add(new(zone.Where, $"prefix '{own}' overlaps prefix '{prefix}' of {other.Where}: the same lights would be in both zones"));
                }
            }
        }
    }
}
