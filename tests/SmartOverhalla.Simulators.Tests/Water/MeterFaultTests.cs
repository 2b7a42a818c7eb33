using SmartOverhalla.Simulators.Backfill;
using SmartOverhalla.Simulators.Configuration;
using SmartOverhalla.Simulators.Models.Watermeters;
using SmartOverhalla.Simulators.WaterNetwork;
using SmartOverhalla.Water.Leaks;

namespace SmartOverhalla.Simulators.Tests.Water;

/// <summary>The scenario's faults, each against hand-computed litres.</summary>
public sealed class MeterFaultTests
{
    private static readonly DateTimeOffset LeakStart = WaterTestNetworks.MondayMidnight.AddHours(30.5);

    [Fact]
    public void A_leak_adds_exactly_its_rate_times_the_hours_since_it_started()
    {
        // Given the same network with and without a 20 L/h leak behind meter 3 from Tuesday 06:30
        var plain = WaterNetworkBuilder.Build(WaterTestNetworks.Options(4), WaterTestNetworks.MondayMidnight);
        var leaky = WaterNetworkBuilder.Build(
            WaterTestNetworks.Options(4, w => w.Leaks.Add(new WaterLeakOptions { Meter = "3", Start = LeakStart, RateLph = 20 })),
            WaterTestNetworks.MondayMidnight);

        // When meter 3 is read at the same instants in both
        var instants = new[] { LeakStart.AddHours(-1), LeakStart, LeakStart.AddHours(10), LeakStart.AddHours(25.25) };
        var without = WaterTestNetworks.ReadAt(plain, plain.Households[2], instants);
        var with = WaterTestNetworks.ReadAt(leaky, leaky.Households[2], instants);

        // Then the difference is 0 before, 20 x 10 = 200 L after ten hours and 20 x 25.25 = 505 L after 25 h 15 min
        Assert.Equal([0, 0, 200, 505], without.Zip(with, (a, b) => Math.Round(b.VolumeL - a.VolumeL, 2)));

        // And the meter's own leak alarm comes on after 24 hours of continuous flow, not before
        Assert.Equal([false, false, false, true], with.Select(r => r.Alarms.Leak));
        Assert.All(without, r => Assert.False(r.Alarms.Leak));
    }

    [Fact]
    public void A_burst_is_read_every_minimum_interval_raises_the_burst_alarm_and_the_platform_rule_finds_it_within_one_interval()
    {
        // Given a 2,000 L/h burst behind meter 2 from Monday 10:07 for 1 h 10 min
        var start = WaterTestNetworks.MondayMidnight.AddHours(10).AddMinutes(7);
        var network = WaterNetworkBuilder.Build(
            WaterTestNetworks.Options(3, w => w.Bursts.Add(new WaterBurstOptions { Meter = "sim-water-0002", Start = start, Duration = TimeSpan.FromMinutes(70), RateLph = 2000 })),
            WaterTestNetworks.MondayMidnight);
        var meter = network.Households[1];

        // When it is read on its schedule for a day
        var readings = WaterTestNetworks.ReadHousehold(network, meter, WaterTestNetworks.MondayMidnight.AddDays(1));
        var bursts = LeakDetector.Bursts(WaterTestNetworks.Intervals(readings), LeakRules.Household);

        // Then the meter reports every 15 minutes, flags burst exactly while the burst runs, and the platform sees one burst
        Assert.Equal(TimeSpan.FromMinutes(15), meter.Interval);
        Assert.All(readings, r => Assert.Equal(r.Ts >= start && r.Ts < start.AddMinutes(70), r.Alarms.Burst));
        var found = Assert.Single(bursts);
        Assert.InRange(found.Since, start.AddMinutes(-15), start.AddMinutes(15));
        Assert.InRange(found.RateLph, LeakRules.Household.BurstFlowLph, 2000 + WaterUseKind.MaxRateOfAnyUse);
    }

    [Fact]
    public void A_replaced_meter_restarts_near_zero_and_otherwise_never_runs_backwards()
    {
        // Given meter 1 replaced on Wednesday at 12:00
        var at = WaterTestNetworks.MondayMidnight.AddDays(2).AddHours(12);
        var network = WaterNetworkBuilder.Build(
            WaterTestNetworks.Options(1, w => w.Replacements.Add(new MeterReplacementOptions { Meter = "1", At = at })),
            WaterTestNetworks.MondayMidnight);
        var meter = network.Households[0];

        // When read every 30 minutes for five days
        var instants = WaterTestNetworks.Schedule(network.Origin, TimeSpan.FromMinutes(30), network.Origin.AddDays(5)).ToList();
        var readings = WaterTestNetworks.ReadAt(network, meter, instants);

        // Then it falls exactly once, at the replacement, to what flowed since (at 12:00 itself: 0 L)
        var falls = Enumerable.Range(1, readings.Count - 1).Where(i => readings[i].VolumeL < readings[i - 1].VolumeL).ToList();
        var fall = Assert.Single(falls);
        Assert.Equal(at, readings[fall].Ts);
        Assert.Equal(0, readings[fall].VolumeL);
        var flow = meter.CreateFlow(network.Origin);
        var atReplacement = flow.LitresUntil(at);
        Assert.Equal(flow.LitresUntil(instants[^1]) - atReplacement, readings[^1].VolumeL, tolerance: 0.002);
        Assert.Equal(100, readings[fall].BatteryPct);
    }

    [Fact]
    public void The_inflow_meter_measures_its_households_plus_background_leakage_plus_pipe_leaks_at_every_reading()
    {
        // Given two districts of three households, 300 L/h background leakage each and a 250 L/h pipe leak in dma-02 from Tuesday 06:30
        var network = WaterNetworkBuilder.Build(
            WaterTestNetworks.Options(6, w =>
            {
                w.Districts = 2;
                w.BackgroundLeakageLph = 300;
                w.PipeLeaks.Add(new PipeLeakOptions { District = "dma-02", Start = LeakStart, RateLph = 250 });
            }),
            WaterTestNetworks.MondayMidnight);
        var district = network.Districts[1];
        Assert.Equal("sim-inflow-02", district.InflowMeterId);
        Assert.Equal([4, 5, 6], district.Households);

        // When the inflow meter and its households' meters are read at the same quarter hours for three days
        var instants = WaterTestNetworks.Schedule(network.Origin, TimeSpan.FromMinutes(15), network.Origin.AddDays(3)).ToList();
        var clock = new VirtualClock(network.Origin);
        var inflow = new DistrictInflowModel(district.InflowMeterId, district.Seed, [.. network.HouseholdsOf(district).Select(h => h.CreateFlow(network.Origin))], district.Losses, network.Origin, clock);
        var inflowReadings = instants.Select(t =>
        {
            clock.Now = t;
            return inflow.Next();
        }).ToList();
        var households = network.HouseholdsOf(district).Select(h => WaterTestNetworks.ReadAt(network, h, instants)).ToList();

        // Then at every reading: inflow growth = households' growth + 300 L/h since the start + 250 L/h since the pipe leak
        for (var i = 0; i < instants.Count; i++)
        {
            var hours = (instants[i] - network.Origin).TotalHours;
            var pipe = instants[i] > LeakStart ? 250 * (instants[i] - LeakStart).TotalHours : 0;
            var householdGrowth = households.Sum(h => h[i].VolumeL - h[0].VolumeL);
            Assert.Equal(householdGrowth + (300 * hours) + pipe, inflowReadings[i].VolumeL - inflowReadings[0].VolumeL, tolerance: 0.01);
        }
    }

    [Fact]
    public void A_holiday_stops_all_use_but_not_a_leak()
    {
        // Given meter 1 away from Tuesday to Friday midnight, with a 12 L/h leak from Monday
        var away = (Start: WaterTestNetworks.MondayMidnight.AddDays(1), End: WaterTestNetworks.MondayMidnight.AddDays(4));
        var network = WaterNetworkBuilder.Build(
            WaterTestNetworks.Options(1, w =>
            {
                w.Holidays.Add(new HolidayOptions { Meter = "1", Start = away.Start, End = away.End });
                w.Leaks.Add(new WaterLeakOptions { Meter = "1", Start = WaterTestNetworks.MondayMidnight, RateLph = 12 });
            }),
            WaterTestNetworks.MondayMidnight);

        // When read at the start and the end of the holiday (after any use of Monday evening has ended)
        var readings = WaterTestNetworks.ReadAt(network, network.Households[0], [away.Start.AddHours(2), away.End]);

        // Then only the leak flowed: 12 L/h x 70 h = 840 L
        Assert.Equal(840, readings[1].VolumeL - readings[0].VolumeL, precision: 2);
    }
}
