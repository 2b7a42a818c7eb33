using Microsoft.Extensions.Time.Testing;
using SmartOverhalla.Simulators.Configuration;
using SmartOverhalla.Simulators.Devices;
using SmartOverhalla.Simulators.Models.Streetlights;

namespace SmartOverhalla.Simulators.Tests.Devices;

public sealed class StreetlightFaultPlanTests
{
    [Fact]
    public void Create_WithAFraction_GivesExactlyThatShareOfTheLightsTheFault()
    {
        var options = Fleet(200, seed: 1, o => o.StreetlightFaults.LampFailure.Fraction = 0.05);

        var faults = StreetlightFaultPlan.Create(options);

        Assert.Equal(200, faults.Length);
        Assert.Equal(10, faults.Count(f => f == StreetlightFaults.LampFailure));
        Assert.Equal(190, faults.Count(f => f == StreetlightFaults.None));
    }

    [Fact]
    public void Create_WithTheSameSeed_PicksTheSameLightsAndWithAnotherSeedOthers()
    {
        static int[] Picked(int seed) =>
            [.. StreetlightFaultPlan.Create(Fleet(200, seed, o => o.StreetlightFaults.DriverFault.Fraction = 0.1))
                .Select((f, i) => (f, i)).Where(p => p.f != StreetlightFaults.None).Select(p => p.i)];

        Assert.Equal(Picked(7), Picked(7));
        Assert.NotEqual(Picked(7), Picked(8));
    }

    [Fact]
    public void Create_ForTwoFaultsWithTheSameFraction_PicksDifferentLights()
    {
        var faults = StreetlightFaultPlan.Create(Fleet(200, seed: 1, o =>
        {
            o.StreetlightFaults.NeverAck.Fraction = 0.1;
            o.StreetlightFaults.SlowAck.Fraction = 0.1;
        }));

        var neverAck = faults.Select((f, i) => (f, i)).Where(p => (p.f & StreetlightFaults.NeverAck) != 0).Select(p => p.i).ToHashSet();
        var slowAck = faults.Select((f, i) => (f, i)).Where(p => (p.f & StreetlightFaults.SlowAck) != 0).Select(p => p.i).ToHashSet();
        Assert.Equal(20, neverAck.Count);
        Assert.Equal(20, slowAck.Count);
        Assert.False(neverAck.SetEquals(slowAck));
    }

    [Fact]
    public void Create_WithDeviceIds_GivesThoseLightsTheFaultToo()
    {
        var faults = StreetlightFaultPlan.Create(Fleet(5, seed: 1, o =>
        {
            o.StreetlightFaults.LampFailure.Devices = ["sim-light-0003"];
            o.StreetlightFaults.DriverFault.Devices = ["sim-light-0003", "sim-light-0005"];
        }));

        Assert.Equal(
            [StreetlightFaults.None, StreetlightFaults.None, StreetlightFaults.LampFailure | StreetlightFaults.DriverFault, StreetlightFaults.None, StreetlightFaults.DriverFault],
            faults);
    }

    [Fact]
    public void DeviceFleet_Create_GivesFaultyLightsTheirFaultsAndAckPolicies()
    {
        // Given light 1 never acking (and also picked as slow: never wins), light 2 slow, light 3 healthy, and a plough
        var options = Fleet(3, seed: 1, o =>
        {
            o.Ploughs = 1;
            o.StreetlightFaults.NeverAck.Devices = ["sim-light-0001"];
            o.StreetlightFaults.SlowAck.Devices = ["sim-light-0001", "sim-light-0002"];
            o.StreetlightFaults.SlowAckDelay = TimeSpan.FromSeconds(45);
        });

        // When
        var devices = DeviceFleet.Create(options, new FakeTimeProvider());

        // Then
        Assert.Equal([AckPolicy.Never, AckPolicy.After(TimeSpan.FromSeconds(45)), AckPolicy.Immediate, AckPolicy.Immediate], devices.Select(d => d.Acks));
        Assert.Equal(StreetlightFaults.NeverAck | StreetlightFaults.SlowAck, ((StreetlightModel)devices[0].Model).Faults);
        Assert.NotNull(devices[2].Commands);
        Assert.Null(devices[3].Commands);
    }

    private static SimulatorOptions Fleet(int lights, int seed, Action<SimulatorOptions> configure)
    {
        var options = new SimulatorOptions { Streetlights = lights, Watermeters = 0, Ploughs = 0, Seed = seed };
        configure(options);
        return options;
    }
}
