using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SmartOverhalla.Analytics.Jobs;

/// <summary>
/// Runs every enabled job on its own <see cref="JobScheduleOptions.Interval"/> (and at start): the partitions this
/// instance owns (<see cref="PartitionAssignment"/>), through the <see cref="JobRunner"/>. One loop per job, so a slow
/// job never delays another.
/// </summary>
internal sealed class JobSchedulerService(
    IEnumerable<IDerivedDataJob> jobs,
    IOptionsMonitor<JobScheduleOptions> schedules,
    PartitionAssignment assignment,
    JobRunner runner,
    InfluxSchemaGate schema,
    IOptions<AnalyticsOptions> options,
    TimeProvider timeProvider,
    ILogger<JobSchedulerService> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var enabled = new List<IDerivedDataJob>();
        foreach (var job in jobs)
        {
            if (schedules.Get(job.Name).Enabled)
            {
                enabled.Add(job);
            }
            else
            {
                Log.JobOff(logger, job.Name);
            }
        }

        Log.Started(logger, options.Value.InstanceName, assignment.InstanceIndex, assignment.InstanceCount, enabled.Count == 0 ? "no jobs" : string.Join(", ", enabled.Select(j => j.Name)));
        return Task.WhenAll(enabled.Select(job => RunAsync(job, stoppingToken)));
    }

    private async Task RunAsync(IDerivedDataJob job, CancellationToken stoppingToken)
    {
        var schedule = schedules.Get(job.Name);
        using var timer = new PeriodicTimer(schedule.Interval, timeProvider);
        string? lastOwned = null;
        try
        {
            do
            {
                try
                {
                    await schema.EnsureAsync(stoppingToken);
                    await job.RefreshAsync(stoppingToken);
                    var partitions = job.Partitions();
                    var owned = assignment.Owned(partitions);
                    var ownedList = string.Join(", ", owned);
                    if (ownedList != lastOwned)
                    {
                        Log.PartitionsOwned(logger, job.Name, owned.Count, partitions.Count, owned.Count == 0 ? "none" : ownedList);
                        lastOwned = ownedList;
                    }

                    await runner.RunDueAsync(job, schedule, owned, stoppingToken);
                }
                catch (JobInputUnavailableException ex)
                {
                    // Expected in operation (the gateway restarting): nothing was computed, nothing advanced.
                    Log.InputUnavailable(logger, job.Name, ex.Message, schedule.Interval);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    Log.RunError(logger, ex, job.Name, schedule.Interval);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: a window cut short has not advanced its watermark and is computed again at the next start.
        }
    }
}
