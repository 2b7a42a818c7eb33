using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SmartOverhalla.Analytics.Jobs;
using SmartOverhalla.DerivedSeries.Ploughing;
using SmartOverhalla.Ploughing.Status;

namespace SmartOverhalla.Analytics.Ploughing;

/// <summary>
/// When each road segment was ploughed, by which vehicle (domains/SmartOverhalla.Ploughing, <c>Status/Clearings</c>):
/// one partition, the municipality; windows of 15 minutes. It reads the passes of every vehicle that
/// <see cref="PloughMatchingJob"/> wrote from twice <see cref="ClearingRules.CombineWithin"/> before the window to its end
/// (passes of several ploughs within 2 h count together), and writes the clearings that fall in the window
/// (<c>road_cleared</c>, replacing those written before). Its trailing window follows the matching job's, so passes
/// changed by late fixes change the clearings too.
/// </summary>
internal sealed class RoadStatusJob(
    PloughSeries series,
    RoadNetworkSource roads,
    IOptions<PloughingOptions> options,
    ILogger<RoadStatusJob> logger) : IDerivedDataJob
{
    public const string JobName = "road-status";

    /// <summary>Its schedule's configuration section under <c>Analytics:Jobs</c>.</summary>
    public const string SectionKey = "RoadStatus";

    private readonly PloughingOptions _options = options.Value;
    private readonly FixedWindows _windows = new(PloughMatchingJob.WindowLength);

    public string Name => JobName;

    public IJobWindows Windows => _windows;

    public IReadOnlyList<string> Partitions() => [_options.Municipality];

    public async Task<JobWindowResult> RunAsync(string partition, JobWindow window, CancellationToken cancellationToken)
    {
        var rules = ClearingRules.Default;
        var passes = await series.ReadPassesAsync(partition, roads.Network, window.Start - (2 * rules.CombineWithin), window.End, cancellationToken);
        var cleared = Clearings.From(passes, rules).Where(c => c.At >= window.Start && c.At < window.End).ToList();
        await series.ReplaceClearingsAsync(partition, window.Start, window.End, cleared, cancellationToken);
        if (cleared.Count > 0)
        {
            Log.SegmentsCleared(logger, partition, window.Start, window.End, cleared.Count);
        }

        return new JobWindowResult(passes.Count, cleared.Count);
    }
}
