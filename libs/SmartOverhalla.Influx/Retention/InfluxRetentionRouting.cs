using Microsoft.Extensions.Options;

namespace SmartOverhalla.Influx;

/// <summary>
/// The measurement → retention policy routing of <see cref="InfluxRetentionPlan"/>, as the writer applies it. Also for
/// callers that keep points for later (a spool) and must remember where each point goes.
/// </summary>
public sealed class InfluxRetentionRouting
{
    private readonly IReadOnlyDictionary<string, string> _routes;

    public InfluxRetentionRouting(IOptions<InfluxRetentionPlan> plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        _routes = plan.Value.Routes;
    }

    /// <summary>True when some measurement is routed.</summary>
    public bool HasRoutes => _routes.Count > 0;

    /// <summary>The policy <paramref name="measurement"/> is routed to, or null for the writer's default.</summary>
    public string? PolicyFor(string measurement) => _routes.GetValueOrDefault(measurement);

    /// <summary>
    /// Splits <paramref name="points"/> by the policy each is routed to: one group per policy, in the order each policy
    /// first appears, each keeping its points' order. A list that goes to one policy only is returned as it is.
    /// </summary>
    public IReadOnlyList<RoutedPoints> Split(IReadOnlyList<PointData> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        if (points.Count == 0)
        {
            return [];
        }

        var first = PolicyFor(points[0].MeasurementName);
        var mixed = false;
        for (var i = 1; i < points.Count && !mixed; i++)
        {
            mixed = PolicyFor(points[i].MeasurementName) != first;
        }

        if (!mixed)
        {
            return [new RoutedPoints(first, points)];
        }

        var groups = new List<(string? Policy, List<PointData> Points)>();
        foreach (var point in points)
        {
            var policy = PolicyFor(point.MeasurementName);
            var index = groups.FindIndex(g => g.Policy == policy);
            if (index < 0)
            {
                groups.Add((policy, [point]));
            }
            else
            {
                groups[index].Points.Add(point);
            }
        }

        return [.. groups.Select(g => new RoutedPoints(g.Policy, g.Points))];
    }
}
