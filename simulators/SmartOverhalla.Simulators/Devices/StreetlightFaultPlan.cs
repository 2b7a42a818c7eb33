using SmartOverhalla.Contracts.Topics;
using SmartOverhalla.Simulators.Configuration;
using SmartOverhalla.Simulators.Models;
using SmartOverhalla.Simulators.Models.Streetlights;

namespace SmartOverhalla.Simulators.Devices;

/// <summary>
/// Decides which street lights get which <see cref="StreetlightFaults"/>: per fault, a seeded shuffle of
/// the fleet gives the lights of its fraction (so the same seed picks the same lights, and the count
/// is exact), plus the lights named by id.
/// </summary>
internal static class StreetlightFaultPlan
{
    /// <summary>The faults of each light, indexed by light number − 1.</summary>
    public static StreetlightFaults[] Create(SimulatorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var faults = new StreetlightFaults[options.Streetlights];
        var settings = options.StreetlightFaults;
        Select(faults, options, settings.LampFailure, StreetlightFaults.LampFailure);
        Select(faults, options, settings.DriverFault, StreetlightFaults.DriverFault);
        Select(faults, options, settings.NeverAck, StreetlightFaults.NeverAck);
        Select(faults, options, settings.SlowAck, StreetlightFaults.SlowAck);
        return faults;
    }

    private static void Select(StreetlightFaults[] faults, SimulatorOptions options, FaultSelection selection, StreetlightFaults fault)
    {
        if (selection.IsEmpty || faults.Length == 0)
        {
            return;
        }

        var count = (int)Math.Round(selection.Fraction * faults.Length, MidpointRounding.AwayFromZero);
        if (count > 0)
        {
            // Each fault draws from its own stream (a negative "device number" no real device has), so
            // the lamp failures do not pick the same lights as the slow acks.
            var numbers = Enumerable.Range(0, faults.Length).ToArray();
            new Random(DeviceSeed.For(options.Seed, DeviceKind.Streetlight, -(int)fault)).Shuffle(numbers);
            foreach (var index in numbers.AsSpan(0, count))
            {
                faults[index] |= fault;
            }
        }

        foreach (var deviceId in selection.Devices)
        {
            // Validated at start: every id names a light of this fleet.
            if (options.StreetlightNumber(deviceId) is { } number)
            {
                faults[number - 1] |= fault;
            }
        }
    }
}
