using SmartOverhalla.RateLimiting;

namespace SmartOverhalla.Gateway.Broker;

/// <summary>
/// One MQTT identity's publish budget for <see cref="PublishRateLimiter"/>: its <see cref="TokenBucket"/>, flood
/// episode and penalty. Times are <see cref="TimeProvider.GetTimestamp"/> ticks. Two connections of one identity
/// publish concurrently, hence the lock.
/// </summary>
internal sealed class IdentityBudget
{
    private readonly Lock _gate = new();
    private readonly TimeProvider _clock;
    private TokenBucket _bucket;
    private long _lastUsedAt;
    private long? _episodeStartedAt;
    private long _lastThrottledAt;
    private long _throttledInEpisode;
    private bool _retired;

    public IdentityBudget(PublishRateLimitOptions options, TimeProvider clock, long now)
    {
        ArgumentNullException.ThrowIfNull(options);
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        _bucket = new TokenBucket(options.Burst, options.SustainedPerSecond, clock.TimestampFrequency, now);
        _lastUsedAt = now;
    }

    /// <summary>False when the sweep has retired this budget; the caller takes from the identity's new one.</summary>
    public bool TryTake(long now, PublishRateLimitOptions options, out PublishDecision decision)
    {
        lock (_gate)
        {
            decision = default;
            if (_retired)
            {
                return false;
            }

            _lastUsedAt = now;
            var endedThrottled = 0L;
            if (_episodeStartedAt is not null && _clock.GetElapsedTime(_lastThrottledAt, now) >= options.QuietPeriod)
            {
                endedThrottled = _throttledInEpisode;
                _episodeStartedAt = null;
                _throttledInEpisode = 0;
            }

            if (_bucket.TryTake(now))
            {
                decision = new PublishDecision(PublishDecisionKind.Pass, TimeSpan.Zero, false, endedThrottled);
                return true;
            }

            // During a penalty nothing refills; the episode's clock starts only when refill does, so the penalty's
            // wait is not held against an identity that publishes normally once it is over.
            var started = _episodeStartedAt is null;
            _episodeStartedAt ??= _bucket.RefillingFrom(now);
            _throttledInEpisode++;
            if (_clock.GetElapsedTime(_episodeStartedAt.Value, now) >= options.DisconnectAfter)
            {
                decision = new PublishDecision(PublishDecisionKind.Disconnect, TimeSpan.Zero, false, _throttledInEpisode);
                StartPenalty(now, options);
                return true;
            }

            // Take the next token on credit: the client's following publish is processed only after this delay, so
            // its rate settles at exactly the sustained rate.
            var delay = _bucket.TakeOnCredit(now);
            _lastThrottledAt = now + (long)(delay.TotalSeconds * _clock.TimestampFrequency);
            decision = new PublishDecision(PublishDecisionKind.Throttle, delay, started, 0);
            return true;
        }
    }

    /// <summary>Retires the budget if it holds nothing a new one would not: full, no episode, no penalty (and, if asked, unused for a quiet period).</summary>
    public bool TryRetire(long now, PublishRateLimitOptions options, bool requireIdle)
    {
        lock (_gate)
        {
            if ((requireIdle && _clock.GetElapsedTime(_lastUsedAt, now) < options.QuietPeriod)
                || (_episodeStartedAt is not null && _clock.GetElapsedTime(_lastThrottledAt, now) < options.QuietPeriod))
            {
                return false;
            }

            // A penalised bucket is empty and does not refill before the penalty ends, so it is never full.
            _retired = _bucket.IsFull(now);
            return _retired;
        }
    }

    /// <summary>After a flood disconnect: an empty bucket that starts refilling only after another DisconnectAfter, and a new episode.</summary>
    private void StartPenalty(long now, PublishRateLimitOptions options)
    {
        _bucket.Drain(now, options.DisconnectAfter);
        _lastThrottledAt = _bucket.RefillingFrom(now);
        _episodeStartedAt = null;
        _throttledInEpisode = 0;
    }
}
