using Microsoft.Extensions.Time.Testing;
using SmartOverhalla.Ploughing.Roads;
using SmartOverhalla.Simulators.Models.Ploughs.Shifts;
using SmartOverhalla.Contracts.Messages;
using SmartOverhalla.Contracts.Topics;
using SmartOverhalla.Simulators.Configuration;
using SmartOverhalla.Simulators.Devices;

namespace SmartOverhalla.Simulators.Tests.Devices;

public sealed class DeviceFleetTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 15, 18, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Create_WithCounts_GivesThatManyDevicesWithTopicSafeIdsAndKindModels()
    {
        // Given
        var options = new SimulatorOptions { Streetlights = 3, Watermeters = 2, Ploughs = 1, Municipality = "overhalla", DeviceIdPrefix = "sim" };

        // When
        var devices = DeviceFleet.Create(options, new FakeTimeProvider(Start));

        // Then
        Assert.Equal(["sim-light-0001", "sim-light-0002", "sim-light-0003", "sim-water-0001", "sim-water-0002", "sim-plough-0001"], devices.Select(d => d.DeviceId));
        Assert.All(devices, d => Assert.True(DeviceTopic.IsValidDeviceId(d.DeviceId)));
        Assert.All(devices, d => Assert.Equal("overhalla", d.Telemetry.Municipality));
        Assert.Equal("smartcity/v1/overhalla/streetlight/sim-light-0001/telemetry", devices[0].Telemetry.ToString());
        Assert.Equal("smartcity/v1/overhalla/plough/sim-plough-0001/status", devices[5].Status.ToString());
        Assert.IsType<StreetlightTelemetry>(devices[0].Model.Next());
        Assert.IsType<WatermeterTelemetry>(devices[3].Model.Next());
        Assert.IsType<PloughTelemetry>(devices[5].Model.Next());
    }

    [Fact]
    public void Create_WithZeroCounts_GivesNoDevices()
    {
        var devices = DeviceFleet.Create(new SimulatorOptions { Streetlights = 0, Watermeters = 0, Ploughs = 0 }, new FakeTimeProvider(Start));

        Assert.Empty(devices);
    }

    [Fact]
    public void Create_ForAThousandLights_SpreadsFirstReportsOverOneInterval()
    {
        // Given
        var options = new SimulatorOptions { Streetlights = 1000, Watermeters = 0, Ploughs = 0, StreetlightInterval = TimeSpan.FromSeconds(30) };

        // When
        var phases = DeviceFleet.Create(options, new FakeTimeProvider(Start)).Select(d => d.PhaseOffset.TotalSeconds).ToList();

        // Then every phase lies within the interval, and each tenth of it holds about a tenth of the fleet
        Assert.All(phases, p => Assert.InRange(p, 0, 30));
        Assert.All(phases.GroupBy(p => (int)(p / 3)), bucket => Assert.InRange(bucket.Count(), 60, 140));
    }

    [Fact]
    public void Create_WithTheSameSeed_GivesTheSameFleet()
    {
        var options = new SimulatorOptions { Streetlights = 5, Watermeters = 5, Ploughs = 5, Seed = 7 };

        var a = DeviceFleet.Create(options, new FakeTimeProvider(Start));
        var b = DeviceFleet.Create(options, new FakeTimeProvider(Start));
        var c = DeviceFleet.Create(new SimulatorOptions { Streetlights = 5, Watermeters = 5, Ploughs = 5, Seed = 8 }, new FakeTimeProvider(Start));

        Assert.Equal(a.Select(d => (d.PhaseOffset, d.Model.Next())), b.Select(d => (d.PhaseOffset, d.Model.Next())));
        Assert.NotEqual(a.Select(d => d.PhaseOffset), c.Select(d => d.PhaseOffset));
    }

    [Fact]
    public void Create_ForSeveralPloughs_SharesTheRoadNetworkOutBetweenThem()
    {
        var devices = DeviceFleet.Create(new SimulatorOptions { Streetlights = 0, Watermeters = 0, Ploughs = 4 }, new FakeTimeProvider(Start));

        // The first three clear different segments, and together all of the synthetic network; the fourth shares the first's
        var cleared = devices.Select(d => ((ShiftPloughModel)d.Model).Shift.Legs.Where(l => l.PloughDown).Select(l => l.Segment.Id).ToHashSet()).ToList();
        Assert.Empty(cleared[0].Intersect(cleared[1]).Concat(cleared[1].Intersect(cleared[2])).Concat(cleared[0].Intersect(cleared[2])));
        Assert.Equal(SyntheticRoads.Load().Segments.Select(s => s.Id).Order(), cleared.Take(3).SelectMany(c => c).Order());
        Assert.Equal(cleared[0], cleared[3]);
    }

    [Fact]
    public void Create_APlough_DrivesShiftAfterShift()
    {
        // Given a plough of the live fleet on a fake clock
        var time = new FakeTimeProvider(Start);
        var plough = (ShiftPloughModel)DeviceFleet.Create(new SimulatorOptions { Streetlights = 0, Watermeters = 0, Ploughs = 1 }, time).Single().Model;
        var first = plough.Shift;
        plough.Next();

        // When it has been read every 5 s for 6 hours after its first reading (bounded: 4,320 readings)
        var moving = 0;
        for (var i = 0; i < 4_320; i++)
        {
            time.Advance(TimeSpan.FromSeconds(5));
            moving += plough.Next().SpeedKmh > 0 ? 1 : 0;
        }

        // Then it has started further shifts, and it never stood still at the depot between them
        Assert.NotSame(first, plough.Shift);
        Assert.Equal(4_320, moving);
    }
}
