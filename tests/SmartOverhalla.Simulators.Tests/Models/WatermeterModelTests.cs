using Microsoft.Extensions.Time.Testing;
using SmartOverhalla.Contracts.Messages;
using SmartOverhalla.Simulators.Models.Watermeters;

namespace SmartOverhalla.Simulators.Tests.Models;

public sealed class WatermeterModelTests
{
    /// <summary>Midnight in Oslo (winter time).</summary>
    private static readonly DateTimeOffset OsloMidnight = new(2026, 2, 9, 23, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Next_OverAWeek_VolumeRegisterNeverDecreasesAndGrows()
    {
        // Given a meter read every ten minutes for a week
        var time = new FakeTimeProvider(OsloMidnight);
        var model = new WatermeterModel("water-1", seed: 5, time);

        // When
        var readings = ReadEvery(model, time, TimeSpan.FromMinutes(10), count: 7 * 144);

        // Then the register never runs backwards, and a household used water that week
        for (var i = 1; i < readings.Count; i++)
        {
            Assert.True(readings[i].VolumeL >= readings[i - 1].VolumeL, $"reading {i}: {readings[i].VolumeL} after {readings[i - 1].VolumeL}");
        }

        Assert.InRange(readings[^1].VolumeL - readings[0].VolumeL, 7 * 50.0, 7 * 1200.0);
    }

    [Fact]
    public void Next_OverADay_VolumeGrowthMatchesFlowTimesTime()
    {
        // Given a meter read every minute for a day
        var time = new FakeTimeProvider(OsloMidnight);
        var model = new WatermeterModel("water-1", seed: 9, time);

        // When
        var readings = ReadEvery(model, time, TimeSpan.FromMinutes(1), count: 1440);

        // Then the register grew by each interval's flow times its length (within register rounding)
        var expectedL = 0.0;
        for (var i = 1; i < readings.Count; i++)
        {
            expectedL += readings[i - 1].FlowLph * (readings[i].Ts - readings[i - 1].Ts).TotalHours;
        }

        Assert.Equal(expectedL, readings[^1].VolumeL - readings[0].VolumeL, tolerance: 0.002);
    }

    [Fact]
    public void Next_AtNight_FlowIsBelowTheMorningAndEveningPeaks()
    {
        for (var seed = 1; seed <= 30; seed++)
        {
            // Given a household meter at 03:00 Oslo time
            var time = new FakeTimeProvider(OsloMidnight.AddHours(3));
            var model = new WatermeterModel("water-1", seed, time);

            // When it is read at night, in the morning peak and in the evening peak
            var night = model.Next();
            time.Advance(TimeSpan.FromHours(4.5));
            var morning = model.Next();
            time.Advance(TimeSpan.FromHours(11.5));
            var evening = model.Next();

            // Then night flow is near zero and far below both peaks
            Assert.InRange(night.FlowLph, 0, 5);
            Assert.True(night.FlowLph * 5 < morning.FlowLph, $"seed {seed}: night {night.FlowLph} vs morning {morning.FlowLph}");
            Assert.True(night.FlowLph * 5 < evening.FlowLph, $"seed {seed}: night {night.FlowLph} vs evening {evening.FlowLph}");
        }
    }

    [Fact]
    public void Next_OverTwoYears_BatteryFallsSlowlyAndNeverRises()
    {
        // Given a meter read once a day for two years
        var time = new FakeTimeProvider(OsloMidnight);
        var model = new WatermeterModel("water-1", seed: 3, time);

        // When
        var readings = ReadEvery(model, time, TimeSpan.FromDays(1), count: 731);

        // Then the battery never rises, loses at most a point a day, and lost 10-20 points in two years
        for (var i = 1; i < readings.Count; i++)
        {
            Assert.InRange(readings[i - 1].BatteryPct - readings[i].BatteryPct, 0, 1);
        }

        Assert.InRange(readings[0].BatteryPct, 60, 100);
        Assert.InRange(readings[0].BatteryPct - readings[^1].BatteryPct, 10, 21);
    }

    [Fact]
    public void Next_OverAYear_TemperatureIsPlausibleAndNoAlarmIsRaised()
    {
        // Given a meter read every day for a year
        var time = new FakeTimeProvider(OsloMidnight);
        var model = new WatermeterModel("water-1", seed: 21, time);

        // When
        var readings = ReadEvery(model, time, TimeSpan.FromDays(1), count: 365);

        // Then mains water stays 6-10 °C, follows the seasons, and no fault is reported
        Assert.All(readings, r => Assert.InRange(r.WaterTempC, WatermeterModel.MinWaterTempC, WatermeterModel.MaxWaterTempC));
        Assert.True(readings.Max(r => r.WaterTempC) - readings.Min(r => r.WaterTempC) > 1.5);
        Assert.All(readings, r => Assert.Equal(new WatermeterAlarms(false, false, false, false, false, false), r.Alarms));
    }

    [Fact]
    public void Next_WithTheSameSeed_GivesTheSameReadings()
    {
        // Given two meters with the same seed and one with another
        var (timeA, timeB, timeC) = (new FakeTimeProvider(OsloMidnight), new FakeTimeProvider(OsloMidnight), new FakeTimeProvider(OsloMidnight));
        var a = new WatermeterModel("water-1", seed: 42, timeA);
        var b = new WatermeterModel("water-1", seed: 42, timeB);
        var c = new WatermeterModel("water-1", seed: 43, timeC);

        // When each is read on the same clock steps
        var readingsA = ReadEvery(a, timeA, TimeSpan.FromMinutes(13), count: 100);
        var readingsB = ReadEvery(b, timeB, TimeSpan.FromMinutes(13), count: 100);
        var readingsC = ReadEvery(c, timeC, TimeSpan.FromMinutes(13), count: 100);

        // Then
        Assert.Equal(readingsA, readingsB);
        Assert.NotEqual(readingsA, readingsC);
    }

    [Fact]
    public void PerResidentLph_OverADay_AddsUpToNorwegianHouseholdUse()
    {
        // Given the profile sampled every minute
        var litres = Enumerable.Range(0, 1440).Sum(minute => HouseholdFlowProfile.PerResidentLph(minute / 60.0) / 60);

        // Then a resident uses about 150-200 litres a day
        Assert.InRange(litres, 150, 200);
        Assert.Equal(HouseholdFlowProfile.DailyLitresPerResident, litres, tolerance: 1);
    }

    private static List<WatermeterTelemetry> ReadEvery(WatermeterModel model, FakeTimeProvider time, TimeSpan interval, int count)
    {
        var readings = new List<WatermeterTelemetry>(count);
        for (var i = 0; i < count; i++)
        {
            readings.Add(model.Next());
            time.Advance(interval);
        }

        return readings;
    }
}
