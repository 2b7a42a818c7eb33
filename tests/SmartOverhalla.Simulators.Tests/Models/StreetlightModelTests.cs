using Microsoft.Extensions.Time.Testing;
using SmartOverhalla.Contracts.Messages;
using SmartOverhalla.Simulators.Models.Streetlights;

namespace SmartOverhalla.Simulators.Tests.Models;

public sealed class StreetlightModelTests
{
    /// <summary>Noon in Overhalla on a winter day (13:00 Oslo time).</summary>
    private static readonly DateTimeOffset WinterNoon = new(2026, 1, 15, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Next_OverAWinterDay_EnergyRegisterGrowsWithEveryReading()
    {
        // Given a light on a winter day, read every five minutes for a whole day
        var time = new FakeTimeProvider(WinterNoon);
        var model = new StreetlightModel("light-1", seed: 7, time);

        // When
        var readings = ReadEvery(model, time, TimeSpan.FromMinutes(5), count: 288);

        // Then the register grows with every reading, whether the lamp is lit or not
        for (var i = 1; i < readings.Count; i++)
        {
            Assert.True(readings[i].EnergyKWh > readings[i - 1].EnergyKWh, $"reading {i}: {readings[i].EnergyKWh} after {readings[i - 1].EnergyKWh}");
        }

        Assert.Contains(readings, r => r.LampOn);
        Assert.Contains(readings, r => !r.LampOn);
    }

    [Theory]
    [InlineData(30)]
    [InlineData(300)]
    public void Next_OverADay_EnergyGrowthMatchesPowerTimesTime(int intervalSeconds)
    {
        // Given a light read at a fixed interval for a day
        var time = new FakeTimeProvider(WinterNoon);
        var model = new StreetlightModel("light-1", seed: 11, time);
        var interval = TimeSpan.FromSeconds(intervalSeconds);

        // When
        var readings = ReadEvery(model, time, interval, count: (int)(TimeSpan.FromDays(1) / interval));

        // Then the register grew by the power drawn in each interval times its length
        var expectedKWh = 0.0;
        for (var i = 1; i < readings.Count; i++)
        {
            expectedKWh += readings[i - 1].PowerW * (readings[i].Ts - readings[i - 1].Ts).TotalHours / 1000;
        }

        var actualKWh = readings[^1].EnergyKWh - readings[0].EnergyKWh;
        Assert.Equal(expectedKWh, actualKWh, tolerance: 1e-6);

        // A 40-80 W lamp lit for 17 winter hours uses roughly 0.4-1.4 kWh a day.
        Assert.InRange(actualKWh, 0.3, 1.5);
    }

    [Theory]
    [InlineData("2026-01-15T19:00:00Z", 100)] // 20:00 Oslo, winter evening: full light
    [InlineData("2026-01-16T00:30:00Z", 50)]  // 01:30 Oslo, quiet hours: dimmed
    [InlineData("2026-01-15T11:00:00Z", 0)]   // 12:00 Oslo, daylight: off
    [InlineData("2026-06-20T22:30:00Z", 0)]   // 00:30 Oslo (summer time), light night: off
    [InlineData("2026-10-15T04:00:00Z", 100)] // 06:00 Oslo (summer time), dark morning after the quiet hours: full light
    public void Next_AtLocalTime_DimLevelFollowsTheLocalSchedule(string utc, int expectedLevel)
    {
        // Given
        var time = new FakeTimeProvider(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture));
        var model = new StreetlightModel("light-1", seed: 3, time);

        // When
        var reading = model.Next();

        // Then
        Assert.Equal(expectedLevel, reading.DimLevel);
        Assert.Equal(expectedLevel > 0, reading.LampOn);
    }

    [Fact]
    public void Next_AtEachDimLevel_PowerFollowsTheLevel()
    {
        // Given twenty lights, each read at full light, dimmed and off
        for (var seed = 1; seed <= 20; seed++)
        {
            var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 15, 19, 0, 0, TimeSpan.Zero));
            var model = new StreetlightModel("light-1", seed, time);

            // When
            var full = model.Next();
            time.SetUtcNow(new DateTimeOffset(2026, 1, 16, 0, 30, 0, TimeSpan.Zero));
            var dimmed = model.Next();
            time.SetUtcNow(new DateTimeOffset(2026, 1, 16, 11, 0, 0, TimeSpan.Zero));
            var off = model.Next();

            // Then power is rated power times level plus the driver, within 1 % metering noise
            var noise = 0.01 * model.RatedPowerW + 0.01;
            Assert.InRange(model.RatedPowerW, 40, 80);
            Assert.Equal(model.RatedPowerW + StreetlightModel.DriverOverheadW, full.PowerW, tolerance: noise);
            Assert.Equal((model.RatedPowerW / 2) + StreetlightModel.DriverOverheadW, dimmed.PowerW, tolerance: noise);
            Assert.Equal(StreetlightModel.ControllerStandbyW, off.PowerW);
            Assert.True(full.PowerW > dimmed.PowerW && dimmed.PowerW > off.PowerW);
        }
    }

    [Fact]
    public void Next_WithTheSameSeed_GivesTheSameReadings()
    {
        // Given two lights with the same seed and two with another
        var (timeA, timeB, timeC) = (new FakeTimeProvider(WinterNoon), new FakeTimeProvider(WinterNoon), new FakeTimeProvider(WinterNoon));
        var a = new StreetlightModel("light-1", seed: 42, timeA);
        var b = new StreetlightModel("light-1", seed: 42, timeB);
        var c = new StreetlightModel("light-1", seed: 43, timeC);

        // When each is read on the same clock steps
        var readingsA = ReadEvery(a, timeA, TimeSpan.FromMinutes(7), count: 100);
        var readingsB = ReadEvery(b, timeB, TimeSpan.FromMinutes(7), count: 100);
        var readingsC = ReadEvery(c, timeC, TimeSpan.FromMinutes(7), count: 100);

        // Then the same seed gives identical messages, another seed does not
        Assert.Equal(readingsA, readingsB);
        Assert.NotEqual(readingsA, readingsC);
    }

    private static List<StreetlightTelemetry> ReadEvery(StreetlightModel model, FakeTimeProvider time, TimeSpan interval, int count)
    {
        var readings = new List<StreetlightTelemetry>(count);
        for (var i = 0; i < count; i++)
        {
            readings.Add(model.Next());
            time.Advance(interval);
        }

        return readings;
    }
}
