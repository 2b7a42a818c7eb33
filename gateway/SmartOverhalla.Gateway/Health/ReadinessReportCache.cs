using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace SmartOverhalla.Gateway.Health;

/// <summary>
/// Runs the readiness checks for <c>/health</c> at most once per <see cref="HealthOptions.ReadinessCacheDuration"/>
/// and never twice at once: concurrent requests await the one check in flight, later ones get its report until it is
/// older than the period. <c>/health</c> is anonymous (orchestrators), and each check costs the dependencies real work
/// — in External broker mode an MQTT login that Mosquitto hashes with 10,000 PBKDF2 iterations on its single thread —
/// so without this a few hundred requests a second saturate the broker (security review of issue 5).
/// </summary>
internal sealed class ReadinessReportCache(HealthCheckService health, IOptions<HealthOptions> options, TimeProvider timeProvider)
{
    private readonly Lock _gate = new();
    private readonly TimeSpan _cacheDuration = options.Value.ReadinessCacheDuration;
    private TaskCompletionSource<HealthReport>? _current;
    private DateTimeOffset _completedAt;
    private long _checksRun;

    /// <summary>Readiness checks run so far (for tests and diagnostics).</summary>
    public long ChecksRun => Interlocked.Read(ref _checksRun);

    /// <summary>
    /// The current readiness report. <paramref name="cancellationToken"/> ends only this caller's wait: the check
    /// itself goes on for the others, bounded by each check's own timeout.
    /// </summary>
    public Task<HealthReport> GetAsync(CancellationToken cancellationToken)
    {
        TaskCompletionSource<HealthReport>? started = null;
        Task<HealthReport> report;
        lock (_gate)
        {
            if (_current is null || (_current.Task.IsCompleted && timeProvider.GetUtcNow() - _completedAt >= _cacheDuration))
            {
                started = new TaskCompletionSource<HealthReport>(TaskCreationOptions.RunContinuationsAsynchronously);
                _current = started;
            }

            report = _current.Task;
        }

        if (started is not null)
        {
            _ = RunAsync(started);
        }

        return report.WaitAsync(cancellationToken);
    }

    private async Task RunAsync(TaskCompletionSource<HealthReport> completion)
    {
        Interlocked.Increment(ref _checksRun);
        try
        {
            // Not the caller's token: one impatient caller must not cancel the check the others wait for. Each
            // check has its own timeout (HealthChecksRegistration.CheckTimeout).
            var report = await health.CheckHealthAsync(r => r.Tags.Contains(HealthChecksRegistration.ReadyTag), CancellationToken.None);
            lock (_gate)
            {
                _completedAt = timeProvider.GetUtcNow();
            }

            completion.SetResult(report);
        }
        catch (Exception ex)
        {
            // The health service catches what checks throw, so this is unexpected: give it to the waiting callers and
            // let the next request check again rather than cache a failure of the gateway itself.
            lock (_gate)
            {
                if (ReferenceEquals(_current, completion))
                {
                    _current = null;
                }
            }

            completion.SetException(ex);
        }
    }
}
