using Microsoft.Extensions.Time.Testing;

namespace SmartOverhalla.RateLimiting.Tests;

/// <summary>The token bucket shared by the broker's publish rate limit and the worker's flood guard, on a fake clock.</summary>
public sealed class TokenBucketTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 6, 17, 0, 0, TimeSpan.Zero));

    private long Now => _clock.GetTimestamp();

    [Fact]
    public void TryTake_NewBucket_GivesTheWholeBurstAtOnceThenRefuses()
    {
        var bucket = new TokenBucket(capacity: 100, tokensPerSecond: 20, _clock);

        var taken = Enumerable.Range(0, 150).Count(_ => bucket.TryTake(Now));

        Assert.Equal(100, taken);
        Assert.Equal(0, bucket.Available(Now));
    }

    [Fact]
    public void TryTake_Refused_ChangesNothing()
    {
        var bucket = new TokenBucket(capacity: 1, tokensPerSecond: 20, _clock);
        Assert.True(bucket.TryTake(Now));
        _clock.Advance(TimeSpan.FromMilliseconds(25));

        // Half a token is there: refused, and the half is kept for the next try
        Assert.False(bucket.TryTake(Now));
        Assert.Equal(0.5, bucket.Available(Now), precision: 9);
        _clock.Advance(TimeSpan.FromMilliseconds(25));
        Assert.True(bucket.TryTake(Now));
    }

    [Fact]
    public void TryTake_EmptyBucket_RefillsOneTokenPerIntervalOfTheSustainedRate()
    {
        // Given an empty bucket at 20 tokens a second
        var bucket = new TokenBucket(capacity: 100, tokensPerSecond: 20, _clock);
        while (bucket.TryTake(Now))
        {
        }

        // Then a token is back after exactly 50 ms, not before
        _clock.Advance(TimeSpan.FromMilliseconds(49));
        Assert.False(bucket.TryTake(Now));
        _clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.True(bucket.TryTake(Now));

        // And over a minute at one take every 50 ms, every take succeeds and the bucket stays empty
        for (var i = 0; i < 60 * 20; i++)
        {
            _clock.Advance(TimeSpan.FromMilliseconds(50));
            Assert.True(bucket.TryTake(Now));
        }

        Assert.Equal(0, bucket.Available(Now), precision: 9);
    }

    [Fact]
    public void Available_AfterALongIdle_IsNeverAboveCapacity()
    {
        var bucket = new TokenBucket(capacity: 10, tokensPerSecond: 5, _clock);
        Assert.True(bucket.TryTake(Now));

        _clock.Advance(TimeSpan.FromDays(30));

        Assert.Equal(10, bucket.Available(Now));
        Assert.True(bucket.IsFull(Now));
        Assert.Equal(10, Enumerable.Range(0, 20).Count(_ => bucket.TryTake(Now)));
    }

    [Fact]
    public void IsFull_PartlyRefilled_IsFalseUntilTheLastTokenIsBack()
    {
        var bucket = new TokenBucket(capacity: 2, tokensPerSecond: 1, _clock);
        Assert.True(bucket.TryTake(Now));
        Assert.True(bucket.TryTake(Now));

        _clock.Advance(TimeSpan.FromSeconds(1.5));
        Assert.False(bucket.IsFull(Now));
        _clock.Advance(TimeSpan.FromSeconds(0.5));
        Assert.True(bucket.IsFull(Now));
    }

    [Fact]
    public void TryTake_TimestampOlderThanTheLastOne_RefillsNothing()
    {
        var bucket = new TokenBucket(capacity: 1, tokensPerSecond: 1, _clock);
        var earlier = Now;
        _clock.Advance(TimeSpan.FromSeconds(0.5));
        Assert.True(bucket.TryTake(Now));

        // An earlier timestamp (another thread's, read before the lock) neither refills nor moves the refill point back
        Assert.False(bucket.TryTake(earlier));
        Assert.Equal(0.5, bucket.Available(Now + (_clock.TimestampFrequency / 2)), precision: 9);
    }

    [Fact]
    public void TakeOnCredit_WhileTokensAreThere_TakesOneWithoutWaiting()
    {
        var bucket = new TokenBucket(capacity: 2, tokensPerSecond: 1, _clock);

        Assert.Equal(TimeSpan.Zero, bucket.TakeOnCredit(Now));
        Assert.Equal(1, bucket.Available(Now));
    }

    [Fact]
    public void TakeOnCredit_EmptyBucket_GoesNegativeAndWaitsUntilTheDebtIsPaid()
    {
        // Given an empty bucket at 20/s
        var bucket = new TokenBucket(capacity: 100, tokensPerSecond: 20, _clock);
        while (bucket.TryTake(Now))
        {
        }

        // When three tokens are taken on credit at the same instant
        var waits = new[] { bucket.TakeOnCredit(Now), bucket.TakeOnCredit(Now), bucket.TakeOnCredit(Now) };

        // Then each waits one more token's time (50 ms at 20/s), and the balance is three below zero
        Assert.Equal([TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(150)], waits);
        Assert.Equal(-3, bucket.Available(Now), precision: 9);

        // And the refill pays the debt before anything can be taken again
        _clock.Advance(TimeSpan.FromMilliseconds(150));
        Assert.Equal(0, bucket.Available(Now), precision: 9);
        Assert.False(bucket.TryTake(Now));
        _clock.Advance(TimeSpan.FromMilliseconds(50));
        Assert.True(bucket.TryTake(Now));
    }

    [Fact]
    public void TakeOnCredit_ACallerThatWaitsEachTime_IsHeldAtExactlyTheSustainedRate()
    {
        var bucket = new TokenBucket(capacity: 5, tokensPerSecond: 10, _clock);
        var start = _clock.GetUtcNow();

        // A client that publishes again as soon as it is let through, 105 times
        for (var i = 0; i < 105; i++)
        {
            _clock.Advance(bucket.TakeOnCredit(Now));
        }

        // The burst of 5 at once, then 100 at 10 a second: 10 s
        Assert.Equal(TimeSpan.FromSeconds(10), _clock.GetUtcNow() - start);
    }

    [Fact]
    public void Drain_Penalty_NothingRefillsUntilItIsOverThenTheSustainedRateWithoutABurst()
    {
        // Given a bucket in debt, drained with a 10 s penalty
        var bucket = new TokenBucket(capacity: 100, tokensPerSecond: 20, _clock);
        while (bucket.TryTake(Now))
        {
        }

        bucket.TakeOnCredit(Now);
        bucket.Drain(Now, TimeSpan.FromSeconds(10));
        var penaltyEnds = Now + (10 * _clock.TimestampFrequency);

        // Then it is empty (the debt forgiven, nothing more) and refills nothing for 10 s
        Assert.Equal(0, bucket.Available(Now));
        Assert.Equal(penaltyEnds, bucket.RefillingFrom(Now));
        _clock.Advance(TimeSpan.FromSeconds(9.99));
        Assert.False(bucket.TryTake(Now));
        Assert.False(bucket.IsFull(Now));

        // And a take on credit during the penalty waits for its rest plus one token's time
        Assert.Equal(TimeSpan.FromMilliseconds(10 + 50), bucket.TakeOnCredit(Now));

        // And after it the bucket refills at the sustained rate from empty (the credit taken is paid first)
        _clock.Advance(TimeSpan.FromMilliseconds(10 + 50));
        Assert.Equal(Now, bucket.RefillingFrom(Now));
        Assert.False(bucket.TryTake(Now));
        _clock.Advance(TimeSpan.FromMilliseconds(50));
        Assert.True(bucket.TryTake(Now));
    }

    [Fact]
    public void RefillingFrom_NoPenalty_IsNow()
    {
        var bucket = new TokenBucket(capacity: 1, tokensPerSecond: 1, _clock);
        _clock.Advance(TimeSpan.FromSeconds(3));

        Assert.Equal(Now, bucket.RefillingFrom(Now));
    }

    [Fact]
    public void TryTake_NanosecondTimestamps_RefillAsWithTicks()
    {
        // TimeProvider.System ticks 10^9 times a second on Linux, the fake clock 10^7: the rate is per second either way
        const long Frequency = 1_000_000_000;
        var now = 5 * Frequency;
        var bucket = new TokenBucket(capacity: 1, tokensPerSecond: 20, Frequency, now);
        Assert.True(bucket.TryTake(now));

        Assert.False(bucket.TryTake(now + (Frequency / 20) - 1));
        Assert.True(bucket.TryTake(now + (Frequency / 20)));
        Assert.Equal(TimeSpan.FromMilliseconds(50), bucket.TakeOnCredit(now + (Frequency / 20)));
    }

    [Fact]
    public void TryTakeAndTakeOnCredit_OnTheHotPath_AllocateNothing()
    {
        var bucket = new TokenBucket(capacity: 100, tokensPerSecond: 20, _clock);
        var now = Now;
        bucket.TryTake(now);
        bucket.TakeOnCredit(now);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 10_000; i++)
        {
            now += 1_000;
            if (!bucket.TryTake(now))
            {
                bucket.TakeOnCredit(now);
            }
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(0.5, 1)]
    [InlineData(double.NaN, 1)]
    [InlineData(double.PositiveInfinity, 1)]
    [InlineData(1, 0)]
    [InlineData(1, -1)]
    [InlineData(1, double.NaN)]
    public void Constructor_CapacityBelowOneOrRateNotPositive_Throws(double capacity, double tokensPerSecond)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new TokenBucket(capacity, tokensPerSecond, _clock));
    }
}
