using SmartOverhalla.Water.Leaks;

namespace SmartOverhalla.Water.Tests.Leaks;

public sealed class MeterAlarmsTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 24, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Of_FlagOnThenOff_IsOneSuspicionFromTheFirstOnToTheFirstOff()
    {
        AlarmReading[] flags = [new(T0, false), new(T0.AddHours(2), true), new(T0.AddHours(1), false), new(T0.AddHours(3), true), new(T0.AddHours(4), false)];

        var alarm = Assert.Single(MeterAlarms.Of(flags, SuspicionKind.Leak));

        Assert.Equal((T0.AddHours(2), (DateTimeOffset?)T0.AddHours(4)), (alarm.Since, alarm.Until));
        Assert.Equal(SuspicionSource.MeterAlarm, alarm.Source);
    }

    [Fact]
    public void Of_FlagStillOn_IsOngoing() =>
        Assert.True(Assert.Single(MeterAlarms.Of([new(T0, true), new(T0.AddHours(1), true)], SuspicionKind.Burst)).Ongoing);

    [Fact]
    public void Merge_RuleAndMeterSeeTheSameLeak_IsOneProblemSinceTheEarlierWithTheRulesFigures()
    {
        var rule = new Suspicion(SuspicionKind.Leak, SuspicionSource.Rule, T0.AddHours(3), null, T0.AddDays(2), 20, 900);
        var meter = new Suspicion(SuspicionKind.Leak, SuspicionSource.MeterAlarm, T0.AddHours(2), T0.AddDays(1), T0.AddDays(2), 0, 0);
        var otherKind = new Suspicion(SuspicionKind.Burst, SuspicionSource.MeterAlarm, T0.AddHours(5), T0.AddHours(6), T0.AddDays(2), 0, 0);

        var merged = MeterAlarms.Merge([rule], [meter, otherKind]);

        Assert.Equal(2, merged.Count);
        var leak = merged.Single(s => s.Kind == SuspicionKind.Leak);
        Assert.Equal(T0.AddHours(2), leak.Since);
        Assert.True(leak.Ongoing);
        Assert.Equal(20, leak.RateLph);
        Assert.Equal(SuspicionSource.Rule, leak.Source);
    }
}
