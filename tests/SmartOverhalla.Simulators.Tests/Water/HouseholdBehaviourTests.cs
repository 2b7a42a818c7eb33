using SmartOverhalla.Simulators.Models.Watermeters;
using SmartOverhalla.Simulators.WaterNetwork;
using SmartOverhalla.Time;
using SmartOverhalla.Water.Consumption;
using SmartOverhalla.Water.Leaks;

namespace SmartOverhalla.Simulators.Tests.Water;

/// <summary>Normal households, read as the platform reads them: never a leak, never a burst, litres as Norwegians use.</summary>
public sealed class HouseholdBehaviourTests
{
    private const int Days = 60;
    private const int Households = 24;

    [Fact]
    public void Normal_households_over_sixty_days_have_a_flow_free_hour_every_night_and_trigger_neither_the_leak_nor_the_burst_rule()
    {
        // Given 24 households (intervals 15-60 min) read on their schedules for 60 days from a Monday
        var network = WaterNetworkBuilder.Build(WaterTestNetworks.Options(Households), WaterTestNetworks.MondayMidnight);
        var to = WaterTestNetworks.MondayMidnight.AddDays(Days);
        foreach (var meter in network.Households)
        {
            // When the platform's own rules look at the readings
            var readings = WaterTestNetworks.ReadHousehold(network, meter, to);
            var intervals = WaterTestNetworks.Intervals(readings);
            var hours = HourlyConsumption.Of(intervals, intervals[0].Start, intervals[^1].End).Where(h => h.Complete).ToList();

            // Then no leak and no burst is suspected, the meter raised no alarm, and every night has a flow-free hour
            Assert.Empty(LeakDetector.Leaks(intervals, LeakRules.Household));
            Assert.Empty(LeakDetector.Bursts(intervals, LeakRules.Household));
            Assert.All(readings, r => Assert.False(r.Alarms.Leak || r.Alarms.Burst, $"{meter.DeviceId} raised an alarm at {r.Ts:O}"));
            Assert.All(readings, r => Assert.InRange(r.FlowLph, 0, WaterUseKind.MaxRateOfAnyUse));
            for (var day = 1; day < Days; day++)
            {
                var date = NorwegianTime.DateAt(WaterTestNetworks.MondayMidnight).AddDays(day);
                var night = hours.Where(h => NorwegianTime.DateAt(h.Start) == date && NorwegianTime.HourOfDay(h.Start) < 7).ToList();
                Assert.True(night.Any(h => h.Litres <= LeakRules.Household.FlowFreeLitresPerHour), $"{meter.DeviceId} has no flow-free hour in the night of {date:O}");
            }
        }
    }

    [Fact]
    public void Households_use_about_160_litres_per_resident_and_day()
    {
        // Given the catalogue of uses: 0.7 showers x 540 L/h x 7.5 min + 5 flushes x 6 L + 16 taps x 4 L + 0.3 washes x 50 L + 0.25 x 12 L
        Assert.Equal(159.25, WaterUseKind.ExpectedLitresPerResidentPerDay, precision: 6);

        // When 24 households run for 60 days
        var network = WaterNetworkBuilder.Build(WaterTestNetworks.Options(Households), WaterTestNetworks.MondayMidnight);
        var to = WaterTestNetworks.MondayMidnight.AddDays(Days);
        var perResident = network.Households.Select(meter =>
        {
            var litres = meter.CreateFlow(network.Origin).LitresUntil(to);
            return litres / meter.Traits.Residents / Days;
        }).ToList();

        // Then each household is within the spread of the use factor (0.9-1.15) and chance, and all together near 159 x 1.025 = 163
        Assert.All(perResident, l => Assert.InRange(l, 125, 200));
        Assert.InRange(perResident.Average(), 150, 180);
    }

    [Fact]
    public void The_register_never_decreases_and_grows_by_exactly_what_flowed()
    {
        // Given one household read every 20 minutes for a week
        var network = WaterNetworkBuilder.Build(WaterTestNetworks.Options(1), WaterTestNetworks.MondayMidnight);
        var meter = network.Households[0];
        var instants = WaterTestNetworks.Schedule(network.Origin, TimeSpan.FromMinutes(20), network.Origin.AddDays(7)).ToList();

        // When
        var readings = WaterTestNetworks.ReadAt(network, meter, instants);

        // Then the register never runs backwards, and its growth is the flow's litres (within register rounding)
        for (var i = 1; i < readings.Count; i++)
        {
            Assert.True(readings[i].VolumeL >= readings[i - 1].VolumeL, $"reading {i}: {readings[i].VolumeL} after {readings[i - 1].VolumeL}");
        }

        var flowed = meter.CreateFlow(network.Origin).LitresUntil(instants[^1]);
        Assert.Equal(flowed, readings[^1].VolumeL - readings[0].VolumeL, tolerance: 0.002);
        Assert.Equal(WatermeterModel.InitialRegisterL(meter.Seed), readings[0].VolumeL, tolerance: 0.002);
    }

    [Fact]
    public void The_same_seed_gives_the_same_readings_and_another_seed_other_ones()
    {
        var options = WaterTestNetworks.Options(3);
        var a = WaterNetworkBuilder.Build(options, WaterTestNetworks.MondayMidnight);
        var b = WaterNetworkBuilder.Build(options, WaterTestNetworks.MondayMidnight);
        var other = WaterTestNetworks.Options(3);
        other.Seed = 7;
        var c = WaterNetworkBuilder.Build(other, WaterTestNetworks.MondayMidnight);
        var to = WaterTestNetworks.MondayMidnight.AddDays(2);

        Assert.Equal(WaterTestNetworks.ReadHousehold(a, a.Households[2], to), WaterTestNetworks.ReadHousehold(b, b.Households[2], to));
        Assert.NotEqual(WaterTestNetworks.ReadHousehold(a, a.Households[2], to).Select(r => r.VolumeL), WaterTestNetworks.ReadHousehold(c, c.Households[2], to).Select(r => r.VolumeL));
        Assert.All(a.Households, h => Assert.InRange(h.Interval, TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(60)));
        Assert.All(a.Households, h => Assert.Equal(0, h.Interval.Ticks % TimeSpan.TicksPerMinute));
    }
}
