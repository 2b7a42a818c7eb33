namespace SmartOverhalla.Benchmarks;

/// <summary>A clock that always reads the same instant, so the validator's timestamp checks see the same "now" every run.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
