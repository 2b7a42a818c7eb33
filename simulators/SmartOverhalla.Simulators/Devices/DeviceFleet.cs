using SmartOverhalla.Contracts.Topics;
using SmartOverhalla.Simulators.Configuration;
using SmartOverhalla.Simulators.LoRaWan;
using SmartOverhalla.Simulators.Models;
using SmartOverhalla.Ploughing.Roads;
using SmartOverhalla.Simulators.Models.Ploughs.Shifts;
using SmartOverhalla.Simulators.Models.Streetlights;
using SmartOverhalla.Simulators.Models.Watermeters;
using SmartOverhalla.Simulators.WaterNetwork;

namespace SmartOverhalla.Simulators.Devices;

/// <summary>
/// Creates the devices the options ask for, each with its own seeded model: street lights (with their injected faults),
/// the water network's household and district inflow meters (with its scenario and radio delivery), and ploughs.
/// </summary>
internal static class DeviceFleet
{
    /// <summary>The chance that a plough gives up a segment halfway (a U-turn).</summary>
    private const double PloughUTurnChance = 0.1;

    /// <summary>The chance at each fix that a plough's mobile link drops: about every 20 minutes at a fix every 5 s.</summary>
    private const double PloughDropoutChance = 0.004;

    public static IReadOnlyList<SimulatedDevice> Create(SimulatorOptions options, TimeProvider time) => Create(options, time, out _);

    /// <param name="water">The water network the water meters simulate, from the clock's present.</param>
    public static IReadOnlyList<SimulatedDevice> Create(SimulatorOptions options, TimeProvider time, out WaterNetworkPlan water)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);

        var devices = new List<SimulatedDevice>(options.TotalDevices);
        var lightFaults = StreetlightFaultPlan.Create(options);
        options.LoRaWan.TryGetMode(out var loRaWan);
        var (loRaWanLights, loRaWanMeters) = options.LoRaWan.RequestedCounts();
        for (var number = 1; number <= options.Streetlights; number++)
        {
            var deviceId = DeviceIds.Format(options.DeviceIdPrefix, DeviceKind.Streetlight, number);
            var seed = DeviceSeed.For(options.Seed, DeviceKind.Streetlight, number);
            var faults = lightFaults[number - 1];
            var model = new StreetlightModel(deviceId, seed, time, faults, options.CommandSilenceFallback);
            var light = Device(options, DeviceKind.Streetlight, deviceId, model, options.StreetlightInterval, WaterNetworkBuilder.PhaseOf(seed, options.StreetlightInterval))
                with { Acks = AckPolicyOf(faults, options.StreetlightFaults.SlowAckDelay) };
            if (loRaWan is { } lightMode && number <= loRaWanLights)
            {
                light = light with
                {
                    LoRaWan = Identity(options, lightMode, number - 1, LoRaWanProfile.Light, DeviceKind.Streetlight, deviceId),
                    ReportAfterCommand = options.LoRaWan.UplinkAfterDownlink,
                };
            }

            devices.Add(light);
        }

        water = WaterNetworkBuilder.Build(options, time.GetUtcNow());
        // Household meters come first, by id: the first N of them speak LoRaWAN, inflow meters never.
        var loRaWanHouseholds = Math.Min(loRaWanMeters, water.Households.Count);
        devices.AddRange(WaterDevices(options, water, time).Select((meter, index) =>
            loRaWan is { } meterMode && index < loRaWanHouseholds
                ? meter with { LoRaWan = Identity(options, meterMode, index, LoRaWanProfile.Water, DeviceKind.Watermeter, meter.DeviceId) }
                : meter));

        devices.AddRange(Ploughs(options, time));

        return devices;
    }

    /// <summary>
    /// Ploughs driving shift after shift over the synthetic road network from the depot, shared out over its three
    /// shares in turn, with U-turns now and then, and a mobile link that drops for 4–12 fixes (20–60 s) about every 20 minutes.
    /// </summary>
    private static IEnumerable<SimulatedDevice> Ploughs(SimulatorOptions options, TimeProvider time)
    {
        if (options.Ploughs == 0)
        {
            yield break;
        }

        var network = SyntheticRoads.Load();
        var graph = new RoadGraph(network);
        var depot = SyntheticShifts.Depot(network, graph);
        for (var number = 1; number <= options.Ploughs; number++)
        {
            var deviceId = DeviceIds.Format(options.DeviceIdPrefix, DeviceKind.Plough, number);
            var seed = DeviceSeed.For(options.Seed, DeviceKind.Plough, number);
            var share = SyntheticShifts.Share(network, number - 1).ToList();
            var planning = new Random(seed ^ 0x5EED);
            ShiftDrive NextShift() => new(ShiftPlanner.Plan(graph, depot, share, planning, PloughUTurnChance));
            var model = new ShiftPloughModel(deviceId, seed, time, NextShift(), NextShift, PloughDropoutChance);
            yield return Device(options, DeviceKind.Plough, deviceId, model, options.PloughInterval, WaterNetworkBuilder.PhaseOf(seed, options.PloughInterval));
        }
    }

    /// <summary>Household meters, then one inflow meter per district; every one with the radio's late and duplicated delivery.</summary>
    private static IEnumerable<SimulatedDevice> WaterDevices(SimulatorOptions options, WaterNetworkPlan water, TimeProvider time)
    {
        var radio = options.Water.Radio;
        foreach (var meter in water.Households)
        {
            var model = new WatermeterModel(meter.DeviceId, meter.Seed, meter.CreateFlow(water.Origin), meter.Replacements, time);
            var (interval, phase) = options.WatermeterInterval is { } fixedInterval
                ? (fixedInterval, WaterNetworkBuilder.PhaseOf(meter.Seed, fixedInterval))
                : (meter.Interval, meter.Phase);
            yield return Device(options, DeviceKind.Watermeter, meter.DeviceId, model, interval, phase) with { Radio = RadioDelivery.Of(radio, meter.Seed) };
        }

        foreach (var district in water.Districts)
        {
            var flows = water.HouseholdsOf(district).Select(h => h.CreateFlow(water.Origin)).ToList();
            var model = new DistrictInflowModel(district.InflowMeterId, district.Seed, flows, district.Losses, water.Origin, time);
            var (interval, phase) = options.WatermeterInterval is { } fixedInterval
                ? (fixedInterval, WaterNetworkBuilder.PhaseOf(district.Seed, fixedInterval))
                : (district.Interval, district.Phase);
            yield return Device(options, DeviceKind.Watermeter, district.InflowMeterId, model, interval, phase) with { Radio = RadioDelivery.Of(radio, district.Seed) };
        }
    }

    private static SimulatedDevice Device(SimulatorOptions options, DeviceKind kind, string deviceId, IDeviceModel model, TimeSpan interval, TimeSpan phase) =>
        new(new DeviceTopic(options.Municipality, kind, deviceId, MessageType.Telemetry), model, interval, phase);

    /// <summary>The <paramref name="index"/>-th (0-based) LoRaWAN device of its kind; <c>mixed</c> puts even ones on ChirpStack, odd ones on TTS.</summary>
    private static LoRaWanIdentity Identity(SimulatorOptions options, LoRaWanMode mode, int index, LoRaWanProfile profile, DeviceKind kind, string deviceId)
    {
        var network = mode switch
        {
            LoRaWanMode.ChirpStack => LoRaWanNetwork.ChirpStack,
            LoRaWanMode.Tts => LoRaWanNetwork.Tts,
            _ => index % 2 == 0 ? LoRaWanNetwork.ChirpStack : LoRaWanNetwork.Tts,
        };
        return new LoRaWanIdentity(network, profile, DevEui.Of(options.Municipality, kind, deviceId), deviceId);
    }

    /// <summary>A light that never acks stays silent even if it is also picked to ack slowly.</summary>
    private static AckPolicy AckPolicyOf(StreetlightFaults faults, TimeSpan slowAckDelay) =>
        (faults & StreetlightFaults.NeverAck) != 0 ? AckPolicy.Never
        : (faults & StreetlightFaults.SlowAck) != 0 ? AckPolicy.After(slowAckDelay)
        : AckPolicy.Immediate;
}
