using SmartOverhalla.RateLimiting;

namespace SmartOverhalla.Ingestion.Flood;

/// <summary>
/// One device's <see cref="TokenBucket"/> and flood episode. Times are <see cref="TimeProvider.GetTimestamp"/> ticks
/// (monotonic). Not thread-safe: <see cref="DeviceFloodGuard"/> locks it.
/// </summary>
internal sealed class DeviceBudget(DeviceFloodOptions options, long timestampFrequency, long now)
{
    private TokenBucket _bucket = new(options.Burst, options.SustainedPerSecond, timestampFrequency, now);

    /// <summary>When the current episode started, or null when the device is within its budget.</summary>
    public long? EpisodeStartedAt { get; private set; }

    /// <summary>When the device last went over its budget.</summary>
    public long LastOverBudgetAt { get; private set; }

    /// <summary>Messages over the budget in the current episode.</summary>
    public long OverBudgetInEpisode { get; private set; }

    /// <summary>Takes one token; false when the bucket is empty (the message is over the budget).</summary>
    public bool TryTake(long now)
    {
        if (_bucket.TryTake(now))
        {
            return true;
        }

        LastOverBudgetAt = now;
        OverBudgetInEpisode++;
        return false;
    }

    /// <summary>Starts an episode if none is running; true when this call started it.</summary>
    public bool StartEpisode(long now)
    {
        if (EpisodeStartedAt is not null)
        {
            return false;
        }

        EpisodeStartedAt = now;
        OverBudgetInEpisode = 1;
        return true;
    }

    /// <summary>Ends the episode when the device has been within budget for <paramref name="quietTicks"/>; returns what it counted.</summary>
    public (long OverBudget, long StartedAt)? EndEpisodeIfQuiet(long now, long quietTicks)
    {
        if (EpisodeStartedAt is not { } started || now - LastOverBudgetAt < quietTicks)
        {
            return null;
        }

        var ended = (OverBudgetInEpisode, started);
        EpisodeStartedAt = null;
        OverBudgetInEpisode = 0;
        return ended;
    }

    /// <summary>True when the bucket is full again and no episode runs: the device can be forgotten.</summary>
    public bool IsIdle(long now) => EpisodeStartedAt is null && _bucket.IsFull(now);
}
