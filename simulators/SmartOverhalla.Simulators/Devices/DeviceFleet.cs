using SmartOverhalla.Contracts.Topics;
using SmartOverhalla.Simulators.Configuration;
using SmartOverhalla.Simulators.Models;
using SmartOverhalla.Simulators.Models.Ploughs;
using SmartOverhalla.Simulators.Models.Streetlights;
using SmartOverhalla.Simulators.Models.Watermeters;

namespace SmartOverhalla.Simulators.Devices;

/// <summary>Creates the devices the options ask for, each with its own seeded model.</summary>
internal static class DeviceFleet
{
    public static IReadOnlyList<SimulatedDevice> Create(SimulatorOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);

        var devices = new List<SimulatedDevice>(options.TotalDevices);
        foreach (var kind in Enum.GetValues<DeviceKind>())
        {
            var interval = options.IntervalOf(kind);
            for (var number = 1; number <= options.CountOf(kind); number++)
            {
                var deviceId = DeviceIds.Format(options.DeviceIdPrefix, kind, number);
                var seed = DeviceSeed.For(options.Seed, kind, number);
                var model = CreateModel(kind, deviceId, seed, number, time);

                // Spread first reports evenly over one interval; the phase is seeded too.
                var phase = TimeSpan.FromTicks((long)(new Random(~seed).NextDouble() * interval.Ticks));
                var topic = new DeviceTopic(options.Municipality, kind, deviceId, MessageType.Telemetry);
                devices.Add(new SimulatedDevice(topic, model, interval, phase));
            }
        }

        return devices;
    }

    private static IDeviceModel CreateModel(DeviceKind kind, string deviceId, int seed, int number, TimeProvider time) => kind switch
    {
        DeviceKind.Streetlight => new StreetlightModel(deviceId, seed, time),
        DeviceKind.Watermeter => new WatermeterModel(deviceId, seed, time),

        // Ploughs are shared out over the routes in turn, so a few ploughs cover different roads.
        DeviceKind.Plough => new PloughModel(deviceId, seed, time, OverhallaRoutes.All[(number - 1) % OverhallaRoutes.All.Count]),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown device kind."),
    };
}
