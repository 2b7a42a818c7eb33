using Microsoft.Extensions.Time.Testing;
using SmartOverhalla.Contracts.Messages;
using SmartOverhalla.Simulators.Models.Streetlights;

namespace SmartOverhalla.Simulators.Tests.Models;

public sealed class StreetlightFaultTests
{
    /// <summary>20:00 in Overhalla on a winter evening: the local schedule says full light.</summary>
    private static readonly DateTimeOffset WinterEvening = new(2026, 1, 15, 19, 0, 0, TimeSpan.Zero);

    /// <summary>Noon: the local schedule has the lamp off.</summary>
    private static readonly DateTimeOffset WinterNoon = new(2026, 1, 15, 11, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Next_WithAFailedLampAskedToLight_ReportsItOffAtStandbyPowerAndRaisesOneEvent()
    {
        // Given a light with a failed lamp on its evening schedule
        var time = new FakeTimeProvider(WinterEvening);
        var model = new StreetlightModel("light-1", seed: 5, time, StreetlightFaults.LampFailure);

        // When read three times
        var readings = new List<StreetlightTelemetry>();
        var events = new List<DeviceEvent>();
        for (var i = 0; i < 3; i++)
        {
            readings.Add(model.Next());
            events.AddRange(model.TakeEvents());
            time.Advance(TimeSpan.FromSeconds(30));
        }

        // Then each reports the level asked for but an unlit lamp drawing only the controller's standby
        Assert.All(readings, r => Assert.Equal(100, r.DimLevel));
        Assert.All(readings, r => Assert.False(r.LampOn));
        Assert.All(readings, r => Assert.Equal(StreetlightModel.ControllerStandbyW, r.PowerW));
        Assert.True(readings[^1].EnergyKWh > readings[0].EnergyKWh);

        // And one lampFailure event came with the first reading
        var raised = Assert.Single(events);
        Assert.Equal(new DeviceEvent("light-1", WinterEvening, "lampFailure", "no lamp current at 100 %"), raised);
        Assert.Contains(raised.Type, (IReadOnlySet<string>)EventTypes.Streetlight);
    }

    [Fact]
    public void Next_WithAFailedLampByDay_RaisesItsEventOnlyOnceCommandedOn()
    {
        // Given a light with a failed lamp, off by day
        var time = new FakeTimeProvider(WinterNoon);
        var model = new StreetlightModel("light-1", seed: 5, time, StreetlightFaults.LampFailure);
        Assert.Equal(0, model.Next().DimLevel);
        Assert.Empty(model.TakeEvents());

        // When the platform switches it on
        Assert.Equal(AckResult.Applied, model.Apply(new SetDimCommand("c1", WinterNoon, 80, "test")).Result);
        time.Advance(TimeSpan.FromSeconds(30));
        var reading = model.Next();

        // Then the command is applied but the lamp stays dark, and the controller tells why
        Assert.Equal(80, reading.DimLevel);
        Assert.False(reading.LampOn);
        Assert.Equal(StreetlightModel.ControllerStandbyW, reading.PowerW);
        Assert.Equal("no lamp current at 80 %", Assert.Single(model.TakeEvents()).Detail);
    }

    [Fact]
    public void Next_WithAFaultyDriverDimmed_DrawsFullPowerAndRaisesOneEvent()
    {
        // Given a light with a faulty driver at full light: nothing looks wrong yet
        var time = new FakeTimeProvider(WinterEvening);
        var model = new StreetlightModel("light-1", seed: 5, time, StreetlightFaults.DriverFault);
        var full = model.Next();
        var fullPower = model.RatedPowerW + StreetlightModel.DriverOverheadW;
        var noise = (0.01 * model.RatedPowerW) + 0.01;
        Assert.Equal(fullPower, full.PowerW, tolerance: noise);
        Assert.Empty(model.TakeEvents());

        // When it is dimmed to 30 % and read twice
        model.Apply(new SetDimCommand("c1", WinterEvening, 30, "test"));
        time.Advance(TimeSpan.FromSeconds(30));
        var first = model.Next();
        var firstEvents = model.TakeEvents();
        time.Advance(TimeSpan.FromSeconds(30));
        var second = model.Next();

        // Then it reports 30 % but still draws full power, and says so once
        Assert.Equal(30, first.DimLevel);
        Assert.True(first.LampOn);
        Assert.Equal(fullPower, first.PowerW, tolerance: noise);
        Assert.Equal(fullPower, second.PowerW, tolerance: noise);
        var raised = Assert.Single(firstEvents);
        Assert.Equal("driverFault", raised.Type);
        Assert.Contains(raised.Type, (IReadOnlySet<string>)EventTypes.Streetlight);
        Assert.Equal(first.Ts, raised.Ts);
        Assert.Contains(" at 30 %, expected about ", raised.Detail, StringComparison.Ordinal);
        Assert.Empty(model.TakeEvents());
    }

    [Fact]
    public void Next_WithAFaultyDriverSwitchedOff_DrawsOnlyStandby()
    {
        var time = new FakeTimeProvider(WinterNoon);
        var model = new StreetlightModel("light-1", seed: 5, time, StreetlightFaults.DriverFault);

        var reading = model.Next();

        Assert.Equal(0, reading.DimLevel);
        Assert.Equal(StreetlightModel.ControllerStandbyW, reading.PowerW);
        Assert.Empty(model.TakeEvents());
    }

    [Fact]
    public void Next_WithoutFaultsOverADayOfCommands_RaisesNoEvents()
    {
        var time = new FakeTimeProvider(WinterNoon);
        var model = new StreetlightModel("light-1", seed: 5, time, StreetlightFaults.NeverAck | StreetlightFaults.SlowAck);
        for (var i = 0; i < 96; i++)
        {
            if (i % 8 == 0)
            {
                model.Apply(new SetDimCommand($"c{i}", time.GetUtcNow(), i % 101, "test"));
            }

            model.Next();
            Assert.Empty(model.TakeEvents());
            time.Advance(TimeSpan.FromMinutes(15));
        }
    }
}
