using SmartOverhalla.Contracts.Topics;
using SmartOverhalla.Simulators.Configuration;
using SmartOverhalla.Simulators.Models;
using SmartOverhalla.Simulators.Models.Ploughs;
using SmartOverhalla.Simulators.Models.Streetlights;
using SmartOverhalla.Simulators.Models.Watermeters;

namespace SmartOverhalla.Simulators.Devices;

/// <summary>Creates the devices the options ask for, each with its own seeded model (and street lights with their injected faults).</summary>
internal static class DeviceFleet
{
    public static IReadOnlyList<SimulatedDevice> Create(SimulatorOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);

        var devices = new List<SimulatedDevice>(options.TotalDevices);
        var lightFaults = StreetlightFaultPlan.Create(options);
        foreach (var kind in Enum.GetValues<DeviceKind>())
        {
            var interval = options.IntervalOf(kind);
            for (var number = 1; number <= options.CountOf(kind); number++)
            {
                var deviceId = DeviceIds.Format(options.DeviceIdPrefix, kind, number);
                var seed = DeviceSeed.For(options.Seed, kind, number);
                var faults = kind == DeviceKind.Streetlight ? lightFaults[number - 1] : StreetlightFaults.None;
                var model = CreateModel(kind, deviceId, seed, number, time, options, faults);

                // Spread first reports evenly over one interval; the phase is seeded too.
                var phase = TimeSpan.FromTicks((long)(new Random(~seed).NextDouble() * interval.Ticks));
                var topic = new DeviceTopic(options.Municipality, kind, deviceId, MessageType.Telemetry);
                devices.Add(new SimulatedDevice(topic, model, interval, phase) { Acks = AckPolicyOf(faults, options.StreetlightFaults.SlowAckDelay) });
            }
        }

        return devices;
    }

    /// <summary>A light that never acks stays silent even if it is also picked to ack slowly.</summary>
    private static AckPolicy AckPolicyOf(StreetlightFaults faults, TimeSpan slowAckDelay) =>
        (faults & StreetlightFaults.NeverAck) != 0 ? AckPolicy.Never
        : (faults & StreetlightFaults.SlowAck) != 0 ? AckPolicy.After(slowAckDelay)
        : AckPolicy.Immediate;

    private static IDeviceModel CreateModel(DeviceKind kind, string deviceId, int seed, int number, TimeProvider time, SimulatorOptions options, StreetlightFaults faults) => kind switch
    {
        DeviceKind.Streetlight => new StreetlightModel(deviceId, seed, time, faults, options.CommandSilenceFallback),
        DeviceKind.Watermeter => new WatermeterModel(deviceId, seed, time),

        // Ploughs are shared out over the routes in turn, so a few ploughs cover different roads.
        DeviceKind.Plough => new PloughModel(deviceId, seed, time, OverhallaRoutes.All[(number - 1) % OverhallaRoutes.All.Count]),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown device kind."),
    };
}
