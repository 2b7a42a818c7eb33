using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using NetTopologySuite.Geometries;
using SmartOverhalla.Ploughing.Geo;

namespace SmartOverhalla.Ploughing.Roads;

/// <summary>
/// Reads a road network from GeoJSON (RFC 7946): a FeatureCollection of LineString features in WGS 84, positions as
/// [lon, lat], each with the properties <c>id</c>, <c>name</c>, <c>roadClass</c> (county, municipal, private, footway),
/// <c>priority</c> (a priority of the service standard) and optionally <c>synthetic</c>. Anything else is refused with
/// every problem found, each naming the feature by index (and id when it has one): a municipality's converted NVDB or
/// OpenStreetMap export is checked before it is used.
/// </summary>
public static partial class RoadNetworkLoader
{
    /// <summary>Most problems listed; a file with more is wrong throughout.</summary>
    public const int MaxProblems = 50;

    /// <summary>Mainland Norway with a margin: a position outside is a mistake (often lat and lon swapped).</summary>
    private const double MinLon = 4.0, MaxLon = 32.0, MinLat = 57.5, MaxLat = 71.5;

    /// <summary>A segment shorter than this is a mistake (two equal positions, a stray click).</summary>
    private const double MinLengthMetres = 1.0;

    private static readonly GeometryFactory Wgs84 = new(new PrecisionModel(), 4326);

    public static RoadNetwork Load(Stream json, PriorityTargets targets, string source)
    {
        ArgumentNullException.ThrowIfNull(json);
        using var reader = new StreamReader(json);
        return Load(reader.ReadToEnd(), targets, source);
    }

    /// <param name="source">Names the file in errors (its path).</param>
    public static RoadNetwork Load(string json, PriorityTargets targets, string source)
    {
        ArgumentNullException.ThrowIfNull(targets);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException ex)
        {
            throw new RoadNetworkException(source, [$"not JSON: {ex.Message}"]);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || Text(root, "type") != "FeatureCollection"
                || !root.TryGetProperty("features", out var features) || features.ValueKind != JsonValueKind.Array)
            {
                throw new RoadNetworkException(source, ["not a GeoJSON FeatureCollection with a \"features\" array"]);
            }

            var problems = new List<string>();
            var segments = new List<RoadSegment>();
            var seen = new Dictionary<string, int>(StringComparer.Ordinal);
            var index = 0;
            foreach (var feature in features.EnumerateArray())
            {
                var segment = ReadFeature(feature, index, targets, problems);
                if (segment is not null)
                {
                    if (seen.TryGetValue(segment.Id, out var first))
                    {
                        problems.Add($"feature {index} (id '{segment.Id}'): id already used by feature {first}");
                    }
                    else
                    {
                        seen[segment.Id] = index;
                        segments.Add(segment);
                    }
                }

                if (problems.Count >= MaxProblems)
                {
                    problems.Add($"stopped after {MaxProblems} problems");
                    break;
                }

                index++;
            }

            if (index == 0 && problems.Count == 0)
            {
                problems.Add("no features: a road network needs at least one segment");
            }

            return problems.Count > 0 ? throw new RoadNetworkException(source, problems) : new RoadNetwork(segments);
        }
    }

    private static RoadSegment? ReadFeature(JsonElement feature, int index, PriorityTargets targets, List<string> problems)
    {
        var before = problems.Count;
        if (feature.ValueKind != JsonValueKind.Object || Text(feature, "type") != "Feature")
        {
            problems.Add($"feature {index}: not a GeoJSON Feature");
            return null;
        }

        var properties = feature.TryGetProperty("properties", out var p) && p.ValueKind == JsonValueKind.Object ? p : default;
        var id = properties.ValueKind == JsonValueKind.Object ? Text(properties, "id") : null;
        var label = id is null ? $"feature {index}" : $"feature {index} (id '{Shorten(id)}')";
        void Problem(string text) => problems.Add($"{label}: {text}");

        if (properties.ValueKind != JsonValueKind.Object)
        {
            Problem("no \"properties\" object (id, name, roadClass, priority are required)");
        }
        else
        {
            if (id is null)
            {
                Problem("property \"id\" missing or not a string");
            }
            else if (!IdPattern().IsMatch(id))
            {
                Problem("property \"id\" must be 1 to 64 characters of a-z, A-Z, 0-9, '.', '_' and '-'");
            }

            if (string.IsNullOrWhiteSpace(Text(properties, "name")))
            {
                Problem("property \"name\" missing or empty");
            }
        }

        var roadClass = ReadRoadClass(properties, Problem);
        var (priority, target) = ReadPriority(properties, targets, Problem);
        var synthetic = properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty("synthetic", out var s) && s.ValueKind == JsonValueKind.True;
        var line = ReadLine(feature, Problem);

        if (problems.Count > before || line is null || roadClass is null)
        {
            return null;
        }

        var projected = Utm33.Project(line);
        if (projected.Length < MinLengthMetres)
        {
            Problem($"the line is {projected.Length:0.##} m long; a road segment is at least {MinLengthMetres:0} m");
            return null;
        }

        return new RoadSegment
        {
            Id = id!,
            Name = Text(properties, "name")!.Trim(),
            Class = roadClass.Value,
            Priority = priority,
            Target = target,
            Synthetic = synthetic,
            Geometry = line,
            Projected = projected,
        };
    }

    private static RoadClass? ReadRoadClass(JsonElement properties, Action<string> problem)
    {
        if (properties.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        RoadClass? roadClass = Text(properties, "roadClass") switch
        {
            "county" => RoadClass.County,
            "municipal" => RoadClass.Municipal,
            "private" => RoadClass.Private,
            "footway" => RoadClass.Footway,
            _ => null,
        };
        if (roadClass is null)
        {
            problem("property \"roadClass\" must be one of county, municipal, private, footway");
        }

        return roadClass;
    }

    private static (int Priority, TimeSpan Target) ReadPriority(JsonElement properties, PriorityTargets targets, Action<string> problem)
    {
        if (properties.ValueKind != JsonValueKind.Object)
        {
            return default;
        }

        if (!properties.TryGetProperty("priority", out var value) || value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var priority))
        {
            problem("property \"priority\" missing or not a whole number");
            return default;
        }

        if (!targets.TryGet(priority, out var target))
        {
            problem($"priority {priority} has no target in the service standard (priorities with a target: {string.Join(", ", targets.Priorities)})");
            return default;
        }

        return (priority, target);
    }

    private static LineString? ReadLine(JsonElement feature, Action<string> problem)
    {
        if (!feature.TryGetProperty("geometry", out var geometry) || geometry.ValueKind != JsonValueKind.Object)
        {
            problem("no geometry");
            return null;
        }

        var type = Text(geometry, "type");
        if (type != "LineString")
        {
            var hint = type == "MultiLineString" ? " (split a MultiLineString into segments)" : string.Empty;
            problem($"geometry is a {type ?? "(no type)"}; a road segment must be a LineString{hint}");
            return null;
        }

        if (!geometry.TryGetProperty("coordinates", out var positions) || positions.ValueKind != JsonValueKind.Array || positions.GetArrayLength() < 2)
        {
            problem("a LineString needs at least two positions");
            return null;
        }

        var coordinates = new List<Coordinate>();
        var i = 0;
        foreach (var position in positions.EnumerateArray())
        {
            if (position.ValueKind != JsonValueKind.Array || position.GetArrayLength() < 2
                || position[0].ValueKind != JsonValueKind.Number || position[1].ValueKind != JsonValueKind.Number)
            {
                problem($"position {i} is not [lon, lat]");
                return null;
            }

            var (lon, lat) = (position[0].GetDouble(), position[1].GetDouble());
            if (lon is < MinLon or > MaxLon || lat is < MinLat or > MaxLat)
            {
                var swapped = lat is >= MinLon and <= MaxLon && lon is >= MinLat and <= MaxLat ? " (it looks like [lat, lon]; RFC 7946 wants [lon, lat])" : string.Empty;
                problem(string.Create(CultureInfo.InvariantCulture, $"position {i} [{lon}, {lat}] is outside Norway (lon {MinLon}–{MaxLon}, lat {MinLat}–{MaxLat}){swapped}"));
                return null;
            }

            coordinates.Add(new Coordinate(lon, lat));
            i++;
        }

        return Wgs84.CreateLineString([.. coordinates]);
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string Shorten(string text) => text.Length > 64 ? text[..64] + "…" : text;

    [GeneratedRegex("^[A-Za-z0-9._-]{1,64}$")]
    private static partial Regex IdPattern();
}
