namespace SmartOverhalla.Ploughing.Roads;

/// <summary>
/// The shipped road network: made up, laid around Overhalla's centre (about 64.49 N, 11.95 E) so that simulations,
/// tests and dashboards have roads to work with before the municipality loads its own. Every segment is marked
/// <c>"synthetic": true</c>. It has what map matching must cope with: a long county road, a municipal road parallel
/// to it about 60 m away, a dead end and a loop.
/// </summary>
public static class SyntheticRoads
{
    public const string ResourceName = "SmartOverhalla.Ploughing.overhalla-synthetic-roads.geojson";

    public static RoadNetwork Load(PriorityTargets? targets = null)
    {
        using var stream = typeof(SyntheticRoads).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Resource {ResourceName} is missing from the build.");
        return RoadNetworkLoader.Load(stream, targets ?? PriorityTargets.Default, "overhalla-synthetic-roads.geojson (built in)");
    }
}
