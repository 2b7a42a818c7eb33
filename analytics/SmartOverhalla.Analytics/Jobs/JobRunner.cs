using Microsoft.Extensions.Logging;
using SmartOverhalla.Influx;

namespace SmartOverhalla.Analytics.Jobs;

/// <summary>
/// Runs the due windows of a job's partitions: every completed window after the partition's watermark, oldest first,
/// advancing the watermark after each; and before them the windows of the trailing window behind the watermark again,
/// so late data is counted. A partition without a watermark starts <see cref="JobScheduleOptions.InitialLookback"/> ago.
/// A window cut short (a crash, a stop) has not advanced the watermark, so the next run computes it again, and since
/// jobs are idempotent its points overwrite what was written before. A failure ends the partition's run (the next run
/// starts again at its watermark); other partitions go on.
/// </summary>
internal sealed class JobRunner(IWatermarkStore watermarks, JobStatusBoard status, TimeProvider timeProvider, ILogger<JobRunner> logger)
{
    /// <summary>Runs what is due now of <paramref name="partitions"/> of <paramref name="job"/>.</summary>
    public async Task RunDueAsync(IDerivedDataJob job, JobScheduleOptions schedule, IReadOnlyList<string> partitions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentNullException.ThrowIfNull(partitions);
        status.Retain(job.Name, partitions);
        if (partitions.Count == 0)
        {
            return;
        }

        IReadOnlyDictionary<string, DateTimeOffset> marks;
        try
        {
            marks = await watermarks.ReadAsync(job.Name, cancellationToken);
        }
        catch (InfluxException ex)
        {
            Log.WatermarksUnavailable(logger, job.Name, ex.Message);
            foreach (var partition in partitions)
            {
                status.Update(job.Name, partition, s => s with { LastRunAt = timeProvider.GetUtcNow(), LastRunSucceeded = false, Failures = s.Failures + 1, LastError = ex.Message });
            }

            return;
        }

        foreach (var partition in partitions)
        {
            var now = timeProvider.GetUtcNow();
            var watermark = marks.TryGetValue(partition, out var stored) ? stored : job.Windows.Containing(now - schedule.InitialLookback).Start;
            if (status.Get(job.Name, partition).Watermark is null && marks.ContainsKey(partition))
            {
                Log.Resuming(logger, job.Name, partition, watermark);
            }

            await RunPartitionAsync(job, schedule, partition, watermark, now, cancellationToken);
        }
    }

    private async Task RunPartitionAsync(IDerivedDataJob job, JobScheduleOptions schedule, string partition, DateTimeOffset watermark, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var started = timeProvider.GetTimestamp();
        var completedEnd = job.Windows.CompletedEnd(now, schedule.SettleDelay);
        var resumeAt = watermark < completedEnd ? watermark : completedEnd;
        var recomputeFrom = resumeAt - schedule.TrailingWindow;
        status.Update(job.Name, partition, s => s with { Watermark = watermark, LastRunAt = now });
        Log.PartitionRun(logger, job.Name, partition, watermark, recomputeFrom, completedEnd);
        try
        {
            foreach (var window in job.Windows.Between(recomputeFrom, completedEnd))
            {
                var result = await job.RunAsync(partition, window, cancellationToken);
                if (window.End > watermark)
                {
                    // Only after the window's points are written: a crash before this line computes the window again.
                    await watermarks.WriteAsync(job.Name, partition, window.End, cancellationToken);
                    watermark = window.End;
                }

                status.Update(job.Name, partition, s => s with { Watermark = watermark, WindowsComputed = s.WindowsComputed + 1, PointsWritten = s.PointsWritten + result.PointsWritten });
                if (result.Inputs > 0)
                {
                    Log.WindowComputed(logger, job.Name, partition, window.Start, window.End, result.Inputs, result.PointsWritten);
                }
                else
                {
                    // A zone without lights on a day, a first run over a week before any telemetry: not news.
                    Log.WindowEmpty(logger, job.Name, partition, window.Start, window.End);
                }
            }

            status.Update(job.Name, partition, s => s with { LastRunDuration = timeProvider.GetElapsedTime(started), LastRunSucceeded = true, LastError = null });
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            if (ex is InfluxException)
            {
                // InfluxDB away or refusing: expected in operation, the next run starts again at the watermark.
                Log.PartitionFailed(logger, job.Name, partition, ex.Message, watermark);
            }
            else
            {
                Log.PartitionError(logger, ex, job.Name, partition, watermark);
            }

            status.Update(job.Name, partition, s => s with { LastRunDuration = timeProvider.GetElapsedTime(started), LastRunSucceeded = false, Failures = s.Failures + 1, LastError = ex.Message });
        }
    }
}
