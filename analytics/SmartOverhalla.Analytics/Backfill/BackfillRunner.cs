using SmartOverhalla.Analytics.Jobs;
using SmartOverhalla.Time;

namespace SmartOverhalla.Analytics.Backfill;

/// <summary>
/// Computes a range of local dates again for every partition (whoever owns it in scheduled runs): the same job, the
/// same windows, the same idempotent writes as a scheduled run, oldest window first. Watermarks are left alone: a
/// backfill fills history, it does not move where the scheduled runs are. A failed window is reported and the rest go
/// on; windows that have not ended yet are skipped.
/// </summary>
internal sealed class BackfillRunner(IEnumerable<IDerivedDataJob> jobs, TimeProvider timeProvider)
{
    /// <summary>At most this many failures are listed in the summary (all are counted).</summary>
    public const int MaxListedFailures = 10;

    /// <summary>How far back a backfill may reach: raw telemetry older than the ingestion's Validation:MaxAge is refused anyway.</summary>
    public const int MaxDaysBack = 3_660;

    private readonly IReadOnlyList<IDerivedDataJob> _jobs = [.. jobs.OrderBy(j => j.Name, StringComparer.Ordinal)];

    /// <summary>Jobs <see cref="RefreshAsync"/> left out of a backfill of every job (their input is unavailable).</summary>
    private readonly HashSet<string> _leftOut = new(StringComparer.Ordinal);

    public IEnumerable<string> JobNames => _jobs.Select(j => j.Name);

    /// <summary>The jobs <paramref name="request"/> runs, less those <see cref="RefreshAsync"/> left out.</summary>
    public IEnumerable<string> NamesOf(BackfillRequest request) => Selected(request).Select(j => j.Name);

    /// <summary>Problems with <paramref name="request"/> (unknown job or partition, a range the wrong way round), each a sentence; none when it can run.</summary>
    public IReadOnlyList<string> Check(BackfillRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var problems = new List<string>();
        foreach (var name in request.Jobs.Where(name => _jobs.All(j => j.Name != name)))
        {
            problems.Add($"--job: there is no job '{name}'; the jobs are {string.Join(", ", JobNames)}.");
        }

        if (request.From > request.To)
        {
            problems.Add($"--from ({request.From:yyyy-MM-dd}) is after --to ({request.To:yyyy-MM-dd}).");
        }

        var today = NorwegianTime.DateAt(timeProvider.GetUtcNow());
        if (request.To > today)
        {
            problems.Add($"--to ({request.To:yyyy-MM-dd}) is after today ({today:yyyy-MM-dd}): there is nothing to compute yet.");
        }

        if (request.From < today.AddDays(-MaxDaysBack))
        {
            problems.Add($"--from ({request.From:yyyy-MM-dd}) is more than {MaxDaysBack} days (ten years) back; there is no telemetry that old.");
        }

        if (problems.Count == 0 && request.Partitions.Count > 0)
        {
            var known = Selected(request).SelectMany(j => j.Partitions()).ToHashSet(StringComparer.Ordinal);
            foreach (var partition in request.Partitions.Where(p => !known.Contains(p)))
            {
                problems.Add($"--partition: no selected job has a partition '{partition}'; they have {string.Join(", ", known.Order(StringComparer.Ordinal))}.");
            }
        }

        return problems;
    }

    /// <summary>
    /// Brings the selected jobs' partitions up to date (the water jobs' meter directory) before <see cref="Check"/> and
    /// <see cref="RunAsync"/>. A job named with <c>--job</c> that cannot throws <see cref="JobInputUnavailableException"/>;
    /// when every job is selected, one that cannot is left without partitions (nothing of it runs) and its reason returned,
    /// so a backfill of the lighting jobs does not need the gateway.
    /// </summary>
    public async Task<IReadOnlyList<string>> RefreshAsync(BackfillRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var skipped = new List<string>();
        foreach (var job in Selected(request))
        {
            try
            {
                await job.RefreshAsync(cancellationToken);
            }
            catch (JobInputUnavailableException ex) when (request.Jobs.Count == 0)
            {
                _leftOut.Add(job.Name);
                skipped.Add($"{job.Name} is left out: {ex.Message}");
            }
        }

        return skipped;
    }

    /// <summary>The number of steps (windows × partitions) <paramref name="request"/> has, for a progress bar.</summary>
    public int CountSteps(BackfillRequest request) => Plan(request).Sum(p => p.Partitions.Count * p.Windows.Count);

    /// <summary>Runs <paramref name="request"/>, reporting each step to <paramref name="progress"/>.</summary>
    public async Task<BackfillSummary> RunAsync(BackfillRequest request, Action<BackfillStep> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(progress);
        var started = timeProvider.GetTimestamp();
        var plan = Plan(request);
        var total = plan.Sum(p => p.Partitions.Count * p.Windows.Count);
        var number = 0;
        var failures = new List<string>();
        var summaries = new List<BackfillJobSummary>();
        var stopped = false;
        foreach (var (job, partitions, windows, skipped) in plan)
        {
            int computed = 0, failed = 0;
            long inputs = 0, points = 0;
            foreach (var window in windows)
            {
                foreach (var partition in partitions)
                {
                    if (cancellationToken.IsCancellationRequested)
                    {
                        stopped = true;
                        break;
                    }

                    var stepStarted = timeProvider.GetTimestamp();
                    string? error = null;
                    var result = JobWindowResult.Empty;
                    try
                    {
                        result = await job.RunAsync(partition, window, cancellationToken);
                        computed++;
                        inputs += result.Inputs;
                        points += result.PointsWritten;
                    }
                    catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                    {
                        // Stopped in the middle of this window: it is neither done nor failed; a later run computes it.
                        stopped = true;
                        break;
                    }
                    catch (Exception ex)
                    {
                        failed++;
                        error = ex.Message;
                        if (failures.Count < MaxListedFailures)
                        {
                            failures.Add($"{job.Name}/{partition} {window}: {ex.Message}");
                        }
                    }

                    progress(new BackfillStep(++number, total, job.Name, partition, window, result, timeProvider.GetElapsedTime(stepStarted), error));
                }

                if (stopped)
                {
                    break;
                }
            }

            summaries.Add(new BackfillJobSummary(job.Name, partitions.Count, windows.Count, computed, failed, skipped * partitions.Count, inputs, points));
            if (stopped)
            {
                break;
            }
        }

        return new BackfillSummary(summaries, timeProvider.GetElapsedTime(started), failures, stopped);
    }

    private IEnumerable<IDerivedDataJob> Selected(BackfillRequest request) => SelectedByRequest(request).Where(j => !_leftOut.Contains(j.Name));

    private IEnumerable<IDerivedDataJob> SelectedByRequest(BackfillRequest request) =>
        request.Jobs.Count == 0 ? _jobs : _jobs.Where(j => request.Jobs.Contains(j.Name, StringComparer.Ordinal));

    private List<(IDerivedDataJob Job, IReadOnlyList<string> Partitions, IReadOnlyList<JobWindow> Windows, int Skipped)> Plan(BackfillRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var now = timeProvider.GetUtcNow();
        var from = NorwegianTime.MidnightOf(request.From);
        var to = NorwegianTime.MidnightOf(request.To.AddDays(1));
        var plan = new List<(IDerivedDataJob, IReadOnlyList<string>, IReadOnlyList<JobWindow>, int)>();
        foreach (var job in Selected(request))
        {
            var partitions = job.Partitions()
                .Where(p => request.Partitions.Count == 0 || request.Partitions.Contains(p, StringComparer.Ordinal))
                .Order(StringComparer.Ordinal)
                .ToList();
            var all = job.Windows.Between(from, to).ToList();
            var ended = all.Where(w => w.End <= now).ToList();
            plan.Add((job, partitions, ended, all.Count - ended.Count));
        }

        return plan;
    }
}
