using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SmartOverhalla.Analytics.Jobs;
using SmartOverhalla.DerivedSeries.Ploughing;
using SmartOverhalla.Ploughing.Distances;
using SmartOverhalla.Ploughing.Matching;
using SmartOverhalla.Ploughing.Passes;

namespace SmartOverhalla.Analytics.Ploughing;

/// <summary>
/// Map matching of the ploughs (domains/SmartOverhalla.Ploughing): partition, a group of vehicles; window, 15 minutes.
/// For each plough with fixes in the window it reads its fixes from <see cref="PloughingOptions.ReadMargin"/> before to
/// as long after, matches them to the roads, and writes the passes that start in the window (replacing those written
/// before) and the kilometres of the stretches that end in it. The trailing window matches recent windows again, so
/// fixes that came late (a plough's buffered fixes after a dropout) change the passes they belong to.
/// </summary>
internal sealed class PloughMatchingJob(
    PloughTrackReader tracks,
    RoadNetworkSource roads,
    PloughSeries series,
    IOptions<PloughingOptions> options,
    ILogger<PloughMatchingJob> logger) : IDerivedDataJob
{
    public const string JobName = "plough-matching";

    /// <summary>Its schedule's configuration section under <c>Analytics:Jobs</c>.</summary>
    public const string SectionKey = "PloughMatching";

    public static readonly TimeSpan WindowLength = TimeSpan.FromMinutes(15);

    private readonly PloughingOptions _options = options.Value;
    private readonly FixedWindows _windows = new(WindowLength);

    public string Name => JobName;

    public IJobWindows Windows => _windows;

    public IReadOnlyList<string> Partitions() => VehicleGroups.Partitions(_options.VehicleGroups);

    public async Task<JobWindowResult> RunAsync(string partition, JobWindow window, CancellationToken cancellationToken)
    {
        var municipality = _options.Municipality;
        var vehicles = (await tracks.VehiclesAsync(municipality, window.Start, window.End, cancellationToken))
            .Where(v => VehicleGroups.PartitionOf(v, _options.VehicleGroups) == partition)
            .ToList();
        var points = 0;
        foreach (var vehicle in vehicles)
        {
            var fixes = await tracks.FixesAsync(municipality, vehicle, window.Start - _options.ReadMargin, window.End + _options.ReadMargin, cancellationToken);
            var track = roads.Matcher.Match(fixes);
            var passes = PassFinder.Find(vehicle, track).Where(p => p.Start >= window.Start && p.Start < window.End).ToList();
            await series.ReplacePassesAsync(municipality, vehicle, window.Start, window.End, passes, cancellationToken);
            var (down, transport) = DrivenDistances.Within(track, window.Start, window.End);
            await series.WriteDistanceAsync(municipality, vehicle, window.Start, down, transport, cancellationToken);
            points += passes.Count + 1;
            Log.VehicleMatched(logger, vehicle, window.Start, window.End, fixes.Count, track.Points.Count(p => !p.IsMatched), passes.Count, down / 1000, transport / 1000);
        }

        return new JobWindowResult(vehicles.Count, points);
    }
}
