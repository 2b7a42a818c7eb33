using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using NetTopologySuite.Geometries;
using SmartOverhalla.Ploughing.Geo;

namespace SmartOverhalla.Ploughing.Roads;

/// <summary>
/// Reads a road network from GeoJSON (RFC 7946): a FeatureCollection of LineString features in WGS 84, positions as
/// [lon, lat], each with the properties <c>id</c> (or the Feature's own <c>id</c>), <c>name</c>, <c>roadClass</c>
/// (county, municipal, private, footway), <c>priority</c> (a priority of the service standard) and optionally
/// <c>synthetic</c>. Anything else is refused with every problem found, each naming the feature by index (and id when
/// it has one): a municipality's converted NVDB or OpenStreetMap export is checked before it is used, including that
/// its segments meet at shared end points (<see cref="RoadNetworkTopology"/>).
/// </summary>
public static partial class RoadNetworkLoader
{
    /// <summary>Most problems listed; a file with more is wrong throughout.</summary>
    public const int MaxProblems = 50;

    /// <summary>Mainland Norway with a margin: a position outside is a mistake (often lat and lon swapped).</summary>
    private const double MinLon = 4.0, MaxLon = 32.0, MinLat = 57.5, MaxLat = 71.5;

    /// <summary>A segment shorter than this is a mistake (two equal positions, a stray click).</summary>
    private const double MinLengthMetres = 1.0;

    private const string Reproject = "RFC 7946 GeoJSON is WGS 84 [lon, lat] in degrees: reproject it, e.g. ogr2ogr -t_srs EPSG:4326 -lco RFC7946=YES";

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

            if (ProjectedCrs(root) is { } crs)
            {
                throw new RoadNetworkException(source, [$"the file declares the coordinate system {crs}; {Reproject}"]);
            }

            var problems = new List<string>();
            var segments = new List<RoadSegment>();
            var seen = new Dictionary<string, int>(StringComparer.Ordinal);
            var index = 0;
            foreach (var feature in features.EnumerateArray())
            {
                var id = IdOf(feature);
                if (id is not null && !seen.TryAdd(id, index))
                {
                    problems.Add($"feature {index} (id '{Shorten(id)}'): id already used by feature {seen[id]}");
                }
                else if (ReadFeature(feature, index, id, targets, problems) is { } segment)
                {
                    segments.Add(segment);
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

            if (problems.Count > 0)
            {
                throw new RoadNetworkException(source, problems);
            }

            // The network's own spatial index serves the check of how its segments meet.
            var network = new RoadNetwork(segments);
            problems.AddRange(RoadNetworkTopology.Problems(network).Take(MaxProblems));
            return problems.Count > 0 ? throw new RoadNetworkException(source, problems) : network;
        }
    }

    /// <summary>The segment's id: the <c>id</c> property, or else the Feature's own <c>id</c> member (RFC 7946 §3.2).</summary>
    private static string? IdOf(JsonElement feature)
    {
        if (feature.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        if (feature.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object && Text(properties, "id") is { } id)
        {
            return id;
        }

        return feature.TryGetProperty("id", out var member) ? member.ValueKind switch
        {
            JsonValueKind.String => member.GetString(),
            JsonValueKind.Number => member.GetRawText(),
            _ => null,
        } : null;
    }

    private static RoadSegment? ReadFeature(JsonElement feature, int index, string? id, PriorityTargets targets, List<string> problems)
    {
        var before = problems.Count;
        if (feature.ValueKind != JsonValueKind.Object || Text(feature, "type") != "Feature")
        {
            problems.Add($"feature {index}: not a GeoJSON Feature");
            return null;
        }

        var properties = feature.TryGetProperty("properties", out var p) && p.ValueKind == JsonValueKind.Object ? p : default;
        var label = id is null ? $"feature {index}" : $"feature {index} (id '{Shorten(id)}')";
        void Problem(string text) => problems.Add($"{label}: {text}");

        if (properties.ValueKind != JsonValueKind.Object)
        {
            Problem("no \"properties\" object (name, roadClass, priority are required, and id unless the Feature has one)");
        }
        else
        {
            if (id is null)
            {
                Problem("no id: property \"id\" (a string) or the Feature's \"id\" member");
            }
            else if (!IdPattern().IsMatch(id))
            {
                Problem("the id must be 1 to 64 characters of a-z, A-Z, 0-9 and . _ - : /");
            }

            if (string.IsNullOrWhiteSpace(Text(properties, "name")))
            {
                Problem("property \"name\" missing or empty");
            }
        }

        var roadClass = ReadRoadClass(properties, Problem);
        var (priority, target) = ReadPriority(properties, targets, Problem);
        var synthetic = ReadSynthetic(properties, Problem);
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

        // A whole number, also when written as 2.0 (GDAL writes Real fields so).
        if (!properties.TryGetProperty("priority", out var value) || value.ValueKind != JsonValueKind.Number
            || !value.TryGetDouble(out var number) || number != Math.Floor(number) || number is < 1 or > 99)
        {
            problem("property \"priority\" missing or not a whole number from 1 to 99");
            return default;
        }

        var priority = (int)number;
        if (!targets.TryGet(priority, out var target))
        {
            problem($"priority {priority} has no target in the service standard (priorities with a target: {string.Join(", ", targets.Priorities)})");
            return default;
        }

        return (priority, target);
    }

    /// <summary>The marker for made-up roads: true, false or absent; anything else is a mistake worth stopping for.</summary>
    private static bool ReadSynthetic(JsonElement properties, Action<string> problem)
    {
        if (properties.ValueKind != JsonValueKind.Object || !properties.TryGetProperty("synthetic", out var value))
        {
            return false;
        }

        if (value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            problem("property \"synthetic\" must be true or false");
            return false;
        }

        return value.ValueKind == JsonValueKind.True;
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
            if (!TryReadPosition(position, out var lon, out var lat))
            {
                problem($"position {i} is not [lon, lat] or [lon, lat, height] in finite numbers");
                return null;
            }

            if (Math.Abs(lon) > 180 || Math.Abs(lat) > 90)
            {
                problem(string.Create(CultureInfo.InvariantCulture, $"position {i} [{lon}, {lat}] is not in degrees (projected metres, such as EPSG:25833?); {Reproject}"));
                return null;
            }

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

    /// <summary>Two or three finite numbers (a height is allowed and ignored).</summary>
    private static bool TryReadPosition(JsonElement position, out double lon, out double lat)
    {
        lon = lat = double.NaN;
        if (position.ValueKind != JsonValueKind.Array || position.GetArrayLength() is < 2 or > 3)
        {
            return false;
        }

        foreach (var value in position.EnumerateArray())
        {
            if (value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out var number) || !double.IsFinite(number))
            {
                return false;
            }
        }

        lon = position[0].GetDouble();
        lat = position[1].GetDouble();
        return true;
    }

    /// <summary>A legacy GeoJSON <c>crs</c> member naming anything but WGS 84 lon/lat (CRS84, EPSG:4326), or null.</summary>
    private static string? ProjectedCrs(JsonElement root)
    {
        if (!root.TryGetProperty("crs", out var crs) || crs.ValueKind != JsonValueKind.Object
            || !crs.TryGetProperty("properties", out var properties) || properties.ValueKind != JsonValueKind.Object
            || Text(properties, "name") is not { } name)
        {
            return null;
        }

        return name.Contains("CRS84", StringComparison.OrdinalIgnoreCase) || name.EndsWith("4326", StringComparison.Ordinal) ? null : Shorten(name);
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string Shorten(string text) => text.Length > 64 ? text[..64] + "…" : text;

    [GeneratedRegex("^[A-Za-z0-9._:/-]{1,64}$")]
    private static partial Regex IdPattern();
}
