using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SmartOverhalla.Ploughing.Matching;
using SmartOverhalla.Ploughing.Roads;

namespace SmartOverhalla.Analytics.Ploughing;

/// <summary>
/// The road network the ploughs are matched to, loaded when the host starts (the job scheduler creates the jobs): the
/// configured file, refused with every problem named (<see cref="RoadNetworkException"/>) when invalid, so the host does
/// not start on a bad file; or the synthetic network when none is configured.
/// </summary>
internal sealed class RoadNetworkSource
{
    public RoadNetworkSource(IOptions<PloughingOptions> options, ILogger<RoadNetworkSource> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        var file = options.Value.RoadNetworkFile;
        if (string.IsNullOrWhiteSpace(file))
        {
            Network = SyntheticRoads.Load();
            Log.SyntheticRoadNetwork(logger, Network.Segments.Count);
        }
        else
        {
            using var stream = File.OpenRead(file);
            Network = RoadNetworkLoader.Load(stream, PriorityTargets.Default, file);
            Log.RoadNetworkLoaded(logger, file, Network.Segments.Count, Network.TotalLengthMetres / 1000);
        }

        Matcher = new MapMatcher(Network);
    }

    public RoadNetwork Network { get; }

    public MapMatcher Matcher { get; }
}
