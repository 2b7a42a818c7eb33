using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SmartOverhalla.Alerts.Reports;
using SmartOverhalla.Analytics.Alerts;
using SmartOverhalla.Analytics.Jobs;
using SmartOverhalla.Analytics.Water.Directory;
using SmartOverhalla.DerivedSeries.Water;
using SmartOverhalla.Water.Consumption;
using SmartOverhalla.Water.Leaks;

namespace SmartOverhalla.Analytics.Water.Leaks;

/// <summary>
/// Leak and burst suspicions of household meters (domains/SmartOverhalla.Water, <c>Leaks/</c>), kept in
/// <c>water_suspicion</c> and reported as alerts. Partition: a district of the meter directory; window: a quarter of an
/// hour (<see cref="WindowLength"/>), and each window looks back <see cref="WaterAnalyticsOptions.LeakLookback"/> (28 h:
/// the rule's 24 hours, the flow-free hour before a leak, a reporting interval or two), so late readings within it are
/// counted by the next window without a trailing window. A suspicion that began before that is followed back to its start:
/// from its stored start when one is known, and by reading further back (doubling, up to
/// <see cref="WaterAnalyticsOptions.MaxLeakLookback"/>) while a suspicion starts at the edge of what was read.
/// </summary>
/// <remarks>
/// The stored suspicions of what was read again are made to match what is computed now: each is written at its start
/// (an update overwrites it); one no longer found, or found with a start moved by late readings, is deleted, and if it
/// was ongoing and the meter has no ongoing one of its kind now, its alert is cleared. A stored suspicion computed from
/// later readings than this window's end (a backfill or rerun of an older window) is left as it is, with its alerts.
/// </remarks>
internal sealed class WaterLeaksJob(
    IMeterDirectory directory,
    WaterReadingsReader reader,
    WaterSuspicionSeries suspicions,
    IAlertReporter alerts,
    IOptions<WaterAnalyticsOptions> options,
    ILogger<WaterLeaksJob> logger) : IDerivedDataJob
{
    public const string JobName = "water-leaks";

    /// <summary>Its schedule's configuration section under <c>Analytics:Jobs</c>.</summary>
    public const string SectionKey = "WaterLeaks";

    /// <summary>The default window (<see cref="WaterAnalyticsOptions.LeakWindow"/>): a quarter of an hour, as often as the job runs by default.</summary>
    public static readonly TimeSpan WindowLength = TimeSpan.FromMinutes(15);

    private readonly WaterAnalyticsOptions _options = options.Value;

    private readonly FixedWindows _windows = new(options.Value.LeakWindow);

    public string Name => JobName;

    public IJobWindows Windows => _windows;

    /// <summary>The districts of the meter directory as last fetched.</summary>
    public IReadOnlyList<string> Partitions() => directory.Current.Districts;

    public Task RefreshAsync(CancellationToken cancellationToken) => directory.GetAsync(cancellationToken);

    public async Task<JobWindowResult> RunAsync(string partition, JobWindow window, CancellationToken cancellationToken)
    {
        var meters = directory.Current;
        var municipality = meters.Municipality;
        var households = meters.Households(partition);
        if (households.Count == 0)
        {
            return JobWindowResult.Empty;
        }

        var end = window.End;
        var defaultFrom = end - _options.LeakLookback;
        var earliest = end - _options.MaxLeakLookback;
        var stored = await suspicions.ReadAsync(municipality, defaultFrom, end, partition, cancellationToken);
        // Rows computed from readings after this window's end are newer knowledge: neither overwritten nor deleted.
        var newer = stored.Where(r => r.Suspicion.AsOf > end).Select(r => (r.Device, r.Suspicion.Kind)).ToHashSet();
        var current = stored.Where(r => r.Suspicion.AsOf <= end).ToList();

        // Where each meter is read from: the look-back, or before the start of its stored ongoing suspicion.
        var readFrom = households.ToDictionary(m => m, _ => defaultFrom, StringComparer.Ordinal);
        foreach (var row in current.Where(r => r.Suspicion.Ongoing && readFrom.ContainsKey(r.Device)))
        {
            var from = Max(earliest, row.Suspicion.Since - TimeSpan.FromHours(2));
            readFrom[row.Device] = Min(readFrom[row.Device], from);
        }

        var readings = await reader.RegistersAndAlarmsAsync(municipality, households, defaultFrom, end, _options.MetersPerQuery, cancellationToken);
        await ReadEarlierAsync(municipality, readings, readFrom.Where(m => m.Value < defaultFrom).Select(m => m.Key).ToList(), readFrom, defaultFrom, cancellationToken);

        var registers = WaterAnalyticsOptions.Registers;
        var rules = _options.LeakThresholds();
        var found = new Dictionary<string, IReadOnlyList<Suspicion>>(StringComparer.Ordinal);
        var toCompute = readings.Keys.ToList();
        while (toCompute.Count > 0)
        {
            foreach (var meter in toCompute)
            {
                found[meter] = MeterSuspicions.Of(readings[meter], registers, rules);
            }

            // Follow a suspicion at the edge of what was read back to its start: read twice as far back, up to the limit.
            var atEdge = toCompute
                .Where(m => readFrom[m] > earliest && found[m].Any(s => MeterSuspicions.AtEdge(s, readFrom[m], registers)))
                .ToList();
            foreach (var group in atEdge.GroupBy(m => readFrom[m]))
            {
                var from = Max(earliest, end - ((end - group.Key) * 2));
                foreach (var meter in group)
                {
                    readFrom[meter] = from;
                }

                await ReadEarlierAsync(municipality, readings, [.. group], readFrom, group.Key, cancellationToken);
            }

            toCompute = atEdge;
        }

        // A leak longer than MaxLeakLookback: all that may be read lies inside it, so the start computed is only the edge of
        // what was read, a little later at every window. Keep the start already stored for it, so it stays one point.
        var storedByMeter = current.ToLookup(r => r.Device, StringComparer.Ordinal);
        foreach (var meter in found.Keys.ToList())
        {
            found[meter] = [.. found[meter].Select(s => KeepStoredStart(s, storedByMeter[meter], readFrom[meter], registers))];
        }

        var rows = found
            .SelectMany(f => f.Value.Select(s => new SuspicionRow(f.Key, partition, s)))
            .Where(r => !newer.Contains((r.Device, r.Suspicion.Kind)))
            .OrderBy(r => r.Device, StringComparer.Ordinal).ThenBy(r => r.Suspicion.Since)
            .ToList();
        var computedKeys = rows.Select(r => (r.Device, r.Suspicion.Kind, r.Suspicion.Since)).ToHashSet();
        var stale = current
            // Only what was computed again: a meter silent in all it was read over keeps what is stored.
            .Where(r => found.ContainsKey(r.Device) && r.Suspicion.Since >= readFrom[r.Device] && !newer.Contains((r.Device, r.Suspicion.Kind)))
            .Where(r => !computedKeys.Contains((r.Device, r.Suspicion.Kind, r.Suspicion.Since)))
            .ToList();

        await suspicions.DeleteAsync(municipality, stale, cancellationToken);
        await suspicions.WriteAsync(municipality, rows, cancellationToken);

        var reports = new List<AlertReport>();
        foreach (var row in rows)
        {
            reports.AddRange(SuspicionAlerts.Of(municipality, row));
        }

        // A stored ongoing suspicion that is gone, with nothing ongoing of its kind now: its alert is over.
        var ongoingNow = rows.Where(r => r.Suspicion.Ongoing).Select(r => (r.Device, r.Suspicion.Kind)).ToHashSet();
        foreach (var gone in stale.Where(r => r.Suspicion.Ongoing && !ongoingNow.Contains((r.Device, r.Suspicion.Kind))).DistinctBy(r => (r.Device, r.Suspicion.Kind)))
        {
            var lastRead = readings.TryGetValue(gone.Device, out var read) && read.Registers.Count > 0 ? read.Registers.Max(r => r.Time) : end;
            reports.Add(SuspicionAlerts.Cleared(municipality, gone.Device, gone.Suspicion.Kind, lastRead < gone.Suspicion.Since ? gone.Suspicion.Since : lastRead));
        }

        await alerts.ReportAsync(reports, cancellationToken);
        Log.LeaksComputed(logger, municipality, partition, end, readings.Count, rows.Count(r => r.Suspicion.Ongoing), rows.Count(r => !r.Suspicion.Ongoing), stale.Count);
        return new JobWindowResult(readings.Count, rows.Count);
    }

    /// <summary>Adds to <paramref name="readings"/> what <paramref name="meters"/> read from their <paramref name="readFrom"/> up to <paramref name="until"/>.</summary>
    private async Task ReadEarlierAsync(
        string municipality, Dictionary<string, MeterReadings> readings, IReadOnlyList<string> meters, Dictionary<string, DateTimeOffset> readFrom, DateTimeOffset until, CancellationToken cancellationToken)
    {
        if (meters.Count == 0)
        {
            return;
        }

        var from = meters.Min(m => readFrom[m]);
        var earlier = await reader.RegistersAndAlarmsAsync(municipality, meters, from, until, _options.MetersPerQuery, cancellationToken);
        foreach (var (meter, more) in earlier)
        {
            if (!readings.TryGetValue(meter, out var known))
            {
                known = readings[meter] = new MeterReadings();
            }

            known.Registers.InsertRange(0, more.Registers);
            known.LeakAlarms.InsertRange(0, more.LeakAlarms);
            known.BurstAlarms.InsertRange(0, more.BurstAlarms);
        }
    }

    /// <summary>
    /// <paramref name="computed"/>, or, when it is an ongoing leak whose start is the edge of <paramref name="readFrom"/>
    /// and a stored ongoing leak of the meter began before that, the same leak since the stored start (its litres lost
    /// at its rate over the longer time).
    /// </summary>
    private static Suspicion KeepStoredStart(Suspicion computed, IEnumerable<SuspicionRow> stored, DateTimeOffset readFrom, RegisterRules registers)
    {
        if (computed.Kind != SuspicionKind.Leak || !computed.Ongoing || !MeterSuspicions.AtEdge(computed, readFrom, registers))
        {
            return computed;
        }

        var earlier = stored
            .Select(r => r.Suspicion)
            .Where(s => s.Kind == SuspicionKind.Leak && s.Ongoing && s.Since < readFrom)
            .OrderBy(s => s.Since)
            .FirstOrDefault();
        return earlier is null
            ? computed
            : computed with { Since = earlier.Since, LitresLost = computed.RateLph * (computed.AsOf - earlier.Since).TotalHours };
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
