using Microsoft.Extensions.Time.Testing;
using SmartOverhalla.Contracts.Messages;
using SmartOverhalla.Simulators.Models.Streetlights;

namespace SmartOverhalla.Simulators.Tests.Models;

public sealed class StreetlightCommandTests
{
    /// <summary>20:00 in Overhalla on a winter evening: the local schedule says 100 % until 23:00 (22:00 UTC), then 50 %.</summary>
    private static readonly DateTimeOffset WinterEvening = new(2026, 1, 15, 19, 0, 0, TimeSpan.Zero);

    private static readonly TimeSpan TwoHours = TimeSpan.FromHours(2);

    [Fact]
    public void Apply_ValidSetDim_AcksTheLevelAndTheReadingsFollowIt()
    {
        // Given a light on its evening schedule (full light)
        var time = new FakeTimeProvider(WinterEvening);
        var model = new StreetlightModel("light-1", seed: 5, time);
        Assert.Equal(100, model.Next().DimLevel);

        // When the platform sets 30 %
        var ack = model.Apply(SetDim("c1", 30, time));

        // Then the ack names the command and the level, at the device's time
        Assert.Equal(new CommandAck("light-1", WinterEvening, "c1", AckResult.Applied, AppliedLevel: 30), ack);

        // And the following readings report 30 %, lit, at 30 % of the rated power
        foreach (var step in new[] { TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(30) })
        {
            time.Advance(step);
            var reading = model.Next();
            Assert.Equal(30, reading.DimLevel);
            Assert.True(reading.LampOn);
            Assert.Equal((model.RatedPowerW * 0.3) + StreetlightModel.DriverOverheadW, reading.PowerW, tolerance: (0.01 * model.RatedPowerW) + 0.01);
        }
    }

    [Fact]
    public void Apply_ThenAnHour_EnergyRegisterGrowsAtTheCommandedPower()
    {
        // Given two identical lights read at full light
        var (timeA, timeB) = (new FakeTimeProvider(WinterEvening), new FakeTimeProvider(WinterEvening));
        var (commanded, scheduled) = (new StreetlightModel("light-1", seed: 9, timeA), new StreetlightModel("light-1", seed: 9, timeB));
        var (startA, startB) = (commanded.Next(), scheduled.Next());

        // When one is dimmed to 20 % right after that reading, and both are read an hour later
        commanded.Apply(SetDim("c1", 20, timeA));
        timeA.Advance(TimeSpan.FromHours(1));
        timeB.Advance(TimeSpan.FromHours(1));
        var (endA, endB) = (commanded.Next(), scheduled.Next());

        // Then the dimmed light's register grew by the 20 % power over the hour (the switch counts from the command, not the next reading)
        var expectedKWh = ((commanded.RatedPowerW * 0.2) + StreetlightModel.DriverOverheadW) / 1000;
        Assert.Equal(expectedKWh, endA.EnergyKWh - startA.EnergyKWh, tolerance: 1e-6);

        // And the other by its full power
        Assert.Equal(startB.PowerW / 1000, endB.EnergyKWh - startB.EnergyKWh, tolerance: 1e-6);
        Assert.True(endA.EnergyKWh - startA.EnergyKWh < (endB.EnergyKWh - startB.EnergyKWh) / 3);
    }

    [Fact]
    public void Apply_WithUntilTs_ReturnsToTheScheduleAtThatInstant()
    {
        // Given a light dimmed to 10 % for a quarter of an hour
        var time = new FakeTimeProvider(WinterEvening);
        var model = new StreetlightModel("light-1", seed: 5, time, commandSilenceFallback: TwoHours);
        Assert.Equal(AckResult.Applied, model.Apply(SetDim("c1", 10, time, untilTs: WinterEvening.AddMinutes(15))).Result);

        // When read just before and at the end
        time.SetUtcNow(WinterEvening.AddMinutes(15).AddSeconds(-1));
        var before = model.Next();
        time.SetUtcNow(WinterEvening.AddMinutes(15));
        var after = model.Next();

        // Then it holds the level until then, and follows its schedule (full light) from then on
        Assert.Equal(10, before.DimLevel);
        Assert.Equal(100, after.DimLevel);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-60)]
    public void Apply_UntilTsNotAfterNow_IsRejectedAndTheLevelStays(int untilSecondsFromNow)
    {
        // Given a light commanded to 40 %
        var time = new FakeTimeProvider(WinterEvening);
        var model = new StreetlightModel("light-1", seed: 5, time);
        model.Apply(SetDim("c1", 40, time));

        // When a command arrives whose end has already come
        var ack = model.Apply(SetDim("c2", 80, time, untilTs: WinterEvening.AddSeconds(untilSecondsFromNow)));

        // Then it is rejected with the reason, and the light stays at 40 %
        Assert.Equal(AckResult.Rejected, ack.Result);
        Assert.Null(ack.AppliedLevel);
        Assert.Contains("untilTs", ack.Reason, StringComparison.Ordinal);
        Assert.Contains("is not after the device time 2026-01-15T19:00:00Z", ack.Reason, StringComparison.Ordinal);
        Assert.Equal(40, model.Next().DimLevel);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(101)]
    [InlineData(140)]
    public void Apply_LevelOutOfRange_IsRejected(int level)
    {
        var time = new FakeTimeProvider(WinterEvening);
        var model = new StreetlightModel("light-1", seed: 5, time);

        var ack = model.Apply(SetDim("c1", level, time));

        Assert.Equal(AckResult.Rejected, ack.Result);
        Assert.Equal($"level {level} is outside 0-100", ack.Reason);
        Assert.Equal(100, model.Next().DimLevel);
    }

    [Fact]
    public void Apply_ACommandOtherThanSetDim_IsRejected()
    {
        var time = new FakeTimeProvider(WinterEvening);
        var model = new StreetlightModel("light-1", seed: 5, time);

        var ack = model.Apply(new RebootCommand("c1", WinterEvening));

        Assert.Equal(new CommandAck("light-1", WinterEvening, "c1", AckResult.Rejected, Reason: "a street light only takes setDim"), ack);
    }

    [Fact]
    public void Next_AfterTwoHoursWithoutACommand_ReturnsToTheLocalSchedule()
    {
        // Given a light dimmed to 20 % with the default two-hour silence fallback
        var time = new FakeTimeProvider(WinterEvening);
        var model = new StreetlightModel("light-1", seed: 5, time, commandSilenceFallback: TwoHours);
        model.Apply(SetDim("c1", 20, time));

        // When nothing more comes from the platform
        time.SetUtcNow(WinterEvening + TwoHours - TimeSpan.FromSeconds(1));
        var before = model.Next();
        time.SetUtcNow(WinterEvening + TwoHours);
        var after = model.Next();

        // Then it holds 20 % for two hours, then follows its own schedule (22:00 Oslo: full light)
        Assert.Equal(20, before.DimLevel);
        Assert.Equal(100, after.DimLevel);
    }

    [Fact]
    public void Next_AfterANewerCommand_CountsTheSilenceFromIt()
    {
        // Given a light commanded at 19:00 and again at 20:30 UTC
        var time = new FakeTimeProvider(WinterEvening);
        var model = new StreetlightModel("light-1", seed: 5, time, commandSilenceFallback: TwoHours);
        model.Apply(SetDim("c1", 20, time));
        time.SetUtcNow(WinterEvening.AddMinutes(90));
        model.Apply(SetDim("c2", 25, time));

        // When read two hours after the first and just before two hours after the second
        time.SetUtcNow(WinterEvening.AddMinutes(90) + TwoHours - TimeSpan.FromSeconds(1));
        var before = model.Next();
        time.SetUtcNow(WinterEvening.AddMinutes(90) + TwoHours);
        var after = model.Next();

        // Then the second command holds for its own two hours, then the schedule's quiet-hours level applies
        Assert.Equal(25, before.DimLevel);
        Assert.Equal(50, after.DimLevel);
    }

    [Fact]
    public void Next_AfterARejectedCommand_KeepsCountingTheSilenceFromTheLastAppliedOne()
    {
        var time = new FakeTimeProvider(WinterEvening);
        var model = new StreetlightModel("light-1", seed: 5, time, commandSilenceFallback: TwoHours);
        model.Apply(SetDim("c1", 20, time));
        time.SetUtcNow(WinterEvening.AddMinutes(90));
        Assert.Equal(AckResult.Rejected, model.Apply(SetDim("c2", 140, time)).Result);

        time.SetUtcNow(WinterEvening + TwoHours);

        Assert.Equal(100, model.Next().DimLevel);
    }

    [Fact]
    public void Next_SilenceEndsBeforeUntilTs_TheLightReturnsToItsScheduleAtTheSilence()
    {
        // Given a command meant to hold five hours, and a platform that goes quiet
        var time = new FakeTimeProvider(WinterEvening);
        var model = new StreetlightModel("light-1", seed: 5, time, commandSilenceFallback: TwoHours);
        model.Apply(SetDim("c1", 0, time, untilTs: WinterEvening.AddHours(5)));

        // When two hours pass without a word
        time.SetUtcNow(WinterEvening + TwoHours);

        // Then the light does not stay dark on the word of a silent platform
        Assert.Equal(100, model.Next().DimLevel);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(0)]
    public void Next_WithoutASilenceFallback_ACommandHoldsUntilReplaced(int? fallbackHours)
    {
        var time = new FakeTimeProvider(WinterEvening);
        var model = new StreetlightModel("light-1", seed: 5, time, commandSilenceFallback: fallbackHours is { } h ? TimeSpan.FromHours(h) : null);
        model.Apply(SetDim("c1", 20, time));

        // The next day at noon, when the schedule would have the lamp off
        time.SetUtcNow(WinterEvening.AddHours(16));

        Assert.Equal(20, model.Next().DimLevel);
    }

    private static SetDimCommand SetDim(string cmdId, int level, TimeProvider time, DateTimeOffset? untilTs = null) =>
        new(cmdId, time.GetUtcNow(), level, "test", untilTs);

    private sealed record RebootCommand(string CmdId, DateTimeOffset Ts) : DeviceCommand(CmdId, Ts);
}
