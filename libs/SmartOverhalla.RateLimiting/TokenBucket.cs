namespace SmartOverhalla.RateLimiting;

/// <summary>
/// A token bucket: holds at most <see cref="Capacity"/> tokens (the burst), refills continuously at
/// <see cref="TokensPerSecond"/> (the sustained rate), and each message takes one. Shared by the embedded broker's
/// publish rate limit and the ingestion worker's flood guard, so both budgets mean the same thing.
/// </summary>
/// <remarks>
/// <para>
/// Time is <see cref="TimeProvider.GetTimestamp"/> ticks: monotonic, so a step of the wall clock neither fills nor
/// empties a bucket, and tests move it with a <c>FakeTimeProvider</c>. Refill is computed from the elapsed ticks
/// at each call (no timer per bucket); a timestamp older than the last one refills nothing.
/// </para>
/// <para>
/// A mutable struct, kept in a field of its owner (one per device or identity), so taking a token allocates
/// nothing on the hot path. Not thread-safe: the owner locks around every call. Do not copy it after
/// construction (a copy is a second, independent bucket); <c>default</c> is not a usable bucket.
/// </para>
/// <para>
/// Beyond the classic take-or-refuse (<see cref="TryTake"/>), a token can be taken on credit
/// (<see cref="TakeOnCredit"/>): the balance goes below zero and the caller is told how long to wait until it
/// is paid back, which is how a throttled client is held at exactly the sustained rate. <see cref="Drain"/>
/// empties the bucket and pauses its refill for a while: the penalty after a flood disconnect.
/// </para>
/// </remarks>
public struct TokenBucket
{
    private readonly double _capacity;
    private readonly double _tokensPerSecond;
    private readonly double _timestampFrequency;
    private double _tokens;

    /// <summary>The timestamp up to which refill is accounted for; in the future while a <see cref="Drain"/> pause lasts.</summary>
    private long _refilledAt;

    /// <summary>A full bucket, from <paramref name="timeProvider"/>'s clock now.</summary>
    public TokenBucket(double capacity, double tokensPerSecond, TimeProvider timeProvider)
        : this(capacity, tokensPerSecond, (timeProvider ?? throw new ArgumentNullException(nameof(timeProvider))).TimestampFrequency, timeProvider.GetTimestamp())
    {
    }

    /// <summary>A full bucket at <paramref name="now"/>, a timestamp of a clock that ticks <paramref name="timestampFrequency"/> times a second.</summary>
    /// <param name="capacity">Most tokens it holds, at least 1 (fewer would never let a message through).</param>
    /// <param name="tokensPerSecond">Refill rate, above 0.</param>
    public TokenBucket(double capacity, double tokensPerSecond, long timestampFrequency, long now)
    {
        if (!(capacity >= 1) || double.IsInfinity(capacity))
        {
            throw new ArgumentOutOfRangeException(nameof(capacity), capacity, "A bucket holds at least one token.");
        }

        if (!(tokensPerSecond > 0) || double.IsInfinity(tokensPerSecond))
        {
            throw new ArgumentOutOfRangeException(nameof(tokensPerSecond), tokensPerSecond, "The refill rate must be above zero.");
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(timestampFrequency);
        _capacity = capacity;
        _tokensPerSecond = tokensPerSecond;
        _timestampFrequency = timestampFrequency;
        _tokens = capacity;
        _refilledAt = now;
    }

    /// <summary>Most tokens the bucket holds (the burst).</summary>
    public readonly double Capacity => _capacity;

    /// <summary>Tokens added per second (the sustained rate).</summary>
    public readonly double TokensPerSecond => _tokensPerSecond;

    /// <summary>Tokens in the bucket at <paramref name="now"/>; below zero while tokens taken on credit are paid back.</summary>
    public double Available(long now)
    {
        Refill(now);
        return _tokens;
    }

    /// <summary>True, and one token fewer, when a whole token is there; false (and nothing changes) when not.</summary>
    public bool TryTake(long now)
    {
        Refill(now);
        if (_tokens >= 1)
        {
            _tokens -= 1;
            return true;
        }

        return false;
    }

    /// <summary>
    /// Takes one token whether or not one is there, and returns how long until it would have been (zero when it
    /// was): the rest of a <see cref="Drain"/> pause plus the time the refill needs to cover the debt. A caller
    /// that waits that long before its next take is held at exactly <see cref="TokensPerSecond"/>.
    /// </summary>
    public TimeSpan TakeOnCredit(long now)
    {
        Refill(now);
        var wait = TimeSpan.Zero;
        if (_tokens < 1)
        {
            var paused = _refilledAt > now ? ToTimeSpan(_refilledAt - now) : TimeSpan.Zero;
            wait = paused + TimeSpan.FromSeconds((1 - _tokens) / _tokensPerSecond);
        }

        _tokens -= 1;
        return wait;
    }

    /// <summary>Empties the bucket (any debt included) and lets nothing refill it until <paramref name="pause"/> has passed.</summary>
    public void Drain(long now, TimeSpan pause)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pause, TimeSpan.Zero);
        _tokens = 0;
        _refilledAt = now + (long)(pause.TotalSeconds * _timestampFrequency);
    }

    /// <summary>When the bucket refills from: <paramref name="now"/>, or the end of a <see cref="Drain"/> pause still running.</summary>
    public readonly long RefillingFrom(long now) => Math.Max(now, _refilledAt);

    /// <summary>True when the bucket holds its whole capacity at <paramref name="now"/>: it is then what a new bucket would be.</summary>
    public bool IsFull(long now)
    {
        Refill(now);
        return _tokens >= _capacity;
    }

    private void Refill(long now)
    {
        var elapsed = now - _refilledAt;
        if (elapsed > 0)
        {
            // Multiply before dividing: whole ticks at whole rates stay exact (20/s over 50 ms is exactly one token).
            _tokens = Math.Min(_capacity, _tokens + (elapsed * _tokensPerSecond / _timestampFrequency));
            _refilledAt = now;
        }
    }

    private readonly TimeSpan ToTimeSpan(long ticks) => TimeSpan.FromTicks((long)(ticks * (TimeSpan.TicksPerSecond / _timestampFrequency)));
}
