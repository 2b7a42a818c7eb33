using System.Globalization;
using System.Text;
using NetTopologySuite.Geometries;
using SmartOverhalla.Ploughing.Geo;
using SmartOverhalla.Ploughing.Roads;

namespace SmartOverhalla.Ploughing.Tests;

/// <summary>
/// A small hand-made network laid out in metres east and north of a point in Overhalla (UTM 33N), so that tracks can be
/// drawn with known distances: a 2 km main road (main-1, main-2) with a side road 40 m south of and parallel to main-1,
/// joined to it by a short link at 1 km, a branch north from the same junction, and 1 km east of main-2's end a loop
/// on its own (loop-1, 800 m, one segment that starts and ends at the same node).
/// </summary>
internal static class TestRoads
{
    public static readonly Coordinate Origin = Utm33.Project(11.95, 64.49);

    public static RoadNetwork Network { get; } = Build(
        ("main-1", [(0, 0), (500, 0), (1000, 0)]),
        ("main-2", [(1000, 0), (2000, 0)]),
        ("side-1", [(0, -40), (1000, -40)]),
        ("link-1", [(1000, -40), (1000, 0)]),
        ("branch-1", [(1000, 0), (1000, 800)]),
        ("loop-1", [(3000, 0), (3200, 0), (3200, 200), (3000, 200), (3000, 0)]));

    /// <summary>The UTM 33N position <paramref name="east"/> and <paramref name="north"/> metres from <see cref="Origin"/>.</summary>
    public static Coordinate At(double east, double north) => new(Origin.X + east, Origin.Y + north);

    private static RoadNetwork Build(params (string Id, (double East, double North)[] Line)[] segments)
    {
        var features = new StringBuilder();
        foreach (var (id, line) in segments)
        {
            var positions = string.Join(",", line.Select(p =>
            {
                var (lon, lat) = Utm33.ToLonLat(At(p.East, p.North));
                return string.Create(CultureInfo.InvariantCulture, $"[{lon:R},{lat:R}]");
            }));
            features.Append(features.Length > 0 ? "," : "").Append(
                $$$"""{"type":"Feature","properties":{"id":"{{{id}}}","name":"{{{id}}}","roadClass":"municipal","priority":2},"geometry":{"type":"LineString","coordinates":[{{{positions}}}]}}""");
        }

        return RoadNetworkLoader.Load($$"""{"type":"FeatureCollection","features":[{{features}}]}""", PriorityTargets.Default, "test roads");
    }
}
