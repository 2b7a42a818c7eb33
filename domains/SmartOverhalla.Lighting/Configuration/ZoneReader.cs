using System.Globalization;
using SmartOverhalla.Contracts.Topics;
using SmartOverhalla.Lighting.Astronomy;
using SmartOverhalla.Lighting.Calendar;
using SmartOverhalla.Lighting.Configuration.Yaml;

namespace SmartOverhalla.Lighting.Configuration;

/// <summary>Validates the zones of a zone file and builds the valid ones.</summary>
internal static class ZoneReader
{
    /// <summary>The day-type keys of a zone's <c>profiles</c>; <c>default</c> covers the ones not given.</summary>
    public const string DefaultKey = "default";

    private static readonly (string Key, DayType DayType)[] DayTypeKeys =
    [
        ("weekday", DayType.Weekday),
        ("saturday", DayType.Saturday),
        ("sundayHoliday", DayType.SundayOrHoliday),
    ];

    /// <summary>Reads <paramref name="zones"/> against the valid and declared profiles; a problem for each fault.</summary>
    public static List<LightingZone> Read(
        List<ZoneFileZone?>? zones,
        IReadOnlyDictionary<string, DimmingProfile> profiles,
        IReadOnlySet<string> declaredProfiles,
        List<ConfigurationProblem> problems,
        List<(string Where, LightSelection Lights)> selections)
    {
        var result = new List<LightingZone>();
        if (zones is null || zones.Count == 0)
        {
            problems.Add(new("zones", "the file defines no zones"));
            return result;
        }

        var firstIndexOf = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var index = 0; index < zones.Count; index++)
        {
            var zone = zones[index];
            var where = zone?.Id is { Length: > 0 } id ? $"zone '{id}'" : $"zone #{index + 1}";
            if (zone is null)
            {
                problems.Add(new(where, "is empty"));
                continue;
            }

            var problemsBefore = problems.Count;
            if (string.IsNullOrWhiteSpace(zone.Id))
            {
                problems.Add(new(where, "id is missing"));
            }
            else if (!Slug.IsValid(zone.Id))
            {
                problems.Add(new(where, $"id must be {Slug.Rule}"));
            }
            else if (firstIndexOf.TryGetValue(zone.Id, out var first))
            {
                problems.Add(new(where, $"id is defined twice (zones #{first + 1} and #{index + 1})"));
            }
            else
            {
                firstIndexOf[zone.Id] = index;
            }

            if (string.IsNullOrWhiteSpace(zone.Name))
            {
                problems.Add(new(where, "name is missing"));
            }

            var latitude = ReadDegrees(where, "latitude", zone.Latitude, 90, problems);
            var longitude = ReadDegrees(where, "longitude", zone.Longitude, 180, problems);
            var lights = ReadLights(where, zone.Lights, problems);
            if (lights is not null)
            {
                // Checked for overlaps even when the zone has other problems, so every problem shows at once.
                selections.Add((where, lights));
            }

            var zoneProfiles = ReadProfiles(where, zone.Profiles, profiles, declaredProfiles, problems);

            if (problems.Count == problemsBefore)
            {
                result.Add(new LightingZone(zone.Id!, zone.Name!.Trim(), new GeoCoordinate(latitude!.Value, longitude!.Value), lights!, zoneProfiles!));
            }
        }

        return result;
    }

    private static double? ReadDegrees(string where, string name, string? text, double limit, List<ConfigurationProblem> problems)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            problems.Add(new(where, $"{name} is missing"));
            return null;
        }

        if (!double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            problems.Add(new(where, $"{name} '{text}' is not a number (decimal degrees, e.g. 64.50)"));
            return null;
        }

        if (value < -limit || value > limit)
        {
            problems.Add(new(where, $"{name} {text} is out of range (-{limit} to {limit} degrees)"));
            return null;
        }

        return value;
    }

    private static LightSelection? ReadLights(string where, ZoneFileLights? lights, List<ConfigurationProblem> problems)
    {
        var devices = lights?.Devices ?? [];
        var prefixes = lights?.Prefixes ?? [];
        if (devices.Count == 0 && prefixes.Count == 0)
        {
            problems.Add(new(where, "has no lights: list 'devices' and/or 'prefixes' under 'lights'"));
            return null;
        }

        var problemsBefore = problems.Count;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (items, what) in new[] { (devices, "device id"), (prefixes, "prefix") })
        {
            foreach (var item in items)
            {
                if (item is null || !DeviceTopic.IsValidDeviceId(item))
                {
                    problems.Add(new(where, $"{what} '{item}' is not valid: 1–64 ASCII letters, digits, '-' or '_', starting with a letter or digit"));
                }
                else if (!seen.Add($"{what}:{item}"))
                {
                    problems.Add(new(where, $"{what} '{item}' is listed twice"));
                }
            }
        }

        return problems.Count == problemsBefore
            ? new LightSelection(devices.Select(id => id!).ToArray(), prefixes.Select(prefix => prefix!).ToArray())
            : null;
    }

    private static ZoneProfiles? ReadProfiles(
        string where,
        Dictionary<string, string?>? map,
        IReadOnlyDictionary<string, DimmingProfile> profiles,
        IReadOnlySet<string> declaredProfiles,
        List<ConfigurationProblem> problems)
    {
        if (map is null || map.Count == 0)
        {
            problems.Add(new(where, "has no profiles: give 'default' and/or 'weekday', 'saturday', 'sundayHoliday'"));
            return null;
        }

        var problemsBefore = problems.Count;
        foreach (var key in map.Keys)
        {
            if (key != DefaultKey && !DayTypeKeys.Any(entry => entry.Key == key))
            {
                problems.Add(new(where, $"profiles has an unknown day type '{key}': use default, weekday, saturday or sundayHoliday"));
            }
        }

        var resolved = new Dictionary<DayType, DimmingProfile>();
        foreach (var (key, dayType) in DayTypeKeys)
        {
            var hasOwn = map.TryGetValue(key, out var profileId);
            if (!hasOwn && !map.TryGetValue(DefaultKey, out profileId))
            {
                problems.Add(new(where, $"has no profile for {key}: give '{key}' or 'default'"));
                continue;
            }

            var usedKey = hasOwn ? key : DefaultKey;
            if (string.IsNullOrWhiteSpace(profileId))
            {
                AddOnce(problems, new(where, $"profiles.{usedKey} is empty"));
            }
            else if (profiles.TryGetValue(profileId, out var profile))
            {
                resolved[dayType] = profile;
            }
            else if (!declaredProfiles.Contains(profileId))
            {
                AddOnce(problems, new(where, $"profiles.{usedKey} names unknown profile '{profileId}'"));
            }
            else
            {
                // Declared but invalid: its own problems are already reported; the zone cannot be built either.
                AddOnce(problems, new(where, $"profiles.{usedKey} uses profile '{profileId}', which has problems (see above)"));
            }
        }

        return problems.Count == problemsBefore
            ? new ZoneProfiles(resolved[DayType.Weekday], resolved[DayType.Saturday], resolved[DayType.SundayOrHoliday])
            : null;
    }

    /// <summary>A 'default' that fails fails for every day type it covers: say so once.</summary>
    private static void AddOnce(List<ConfigurationProblem> problems, ConfigurationProblem problem)
    {
        if (!problems.Contains(problem))
        {
            problems.Add(problem);
        }
    }
}
