using SmartOverhalla.Simulators.Devices;

namespace SmartOverhalla.Simulators.Tests.Devices;

public sealed class DeviceRunnerScheduleTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 15, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);

    [Fact]
    public void NextDue_OnTime_IsOneIntervalLater()
    {
        Assert.Equal(T0 + Interval, DeviceRunner.NextDue(T0, T0.AddSeconds(0.2), Interval));
    }

    [Fact]
    public void NextDue_AfterAnOutage_SkipsMissedTicksAndKeepsThePhase()
    {
        // Given a device due at T0 that could only send 35 s later (broker away)
        var next = DeviceRunner.NextDue(T0, T0.AddSeconds(35), Interval);

        // Then it does not burst out the missed readings; the next one is on its old phase
        Assert.Equal(T0.AddSeconds(40), next);
    }

    [Fact]
    public void NextDue_ExactlyOnALaterTick_IsStrictlyInTheFuture()
    {
        Assert.Equal(T0.AddSeconds(30), DeviceRunner.NextDue(T0, T0.AddSeconds(20), Interval));
    }
}
