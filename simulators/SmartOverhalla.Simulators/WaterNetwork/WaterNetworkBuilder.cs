using SmartOverhalla.Contracts.Topics;
using SmartOverhalla.Simulators.Configuration;
using SmartOverhalla.Simulators.Devices;
using SmartOverhalla.Simulators.Models;
using SmartOverhalla.Simulators.Models.Watermeters;

namespace SmartOverhalla.Simulators.WaterNetwork;

/// <summary>
/// Builds the <see cref="WaterNetworkPlan"/> the options describe (validated options: every reference resolves). Faults
/// drawn with the seed start within the simulated range (live mode: within its first <see cref="LiveDrawWindow"/>).
/// </summary>
internal static class WaterNetworkBuilder
{
    /// <summary>Live mode has no end: faults drawn with the seed start within its first day.</summary>
    public static readonly TimeSpan LiveDrawWindow = TimeSpan.FromDays(1);

    public static WaterNetworkPlan Build(SimulatorOptions options, DateTimeOffset from, DateTimeOffset? to = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var water = options.Water;
        var count = options.Watermeters;
        var windowEnd = to ?? from + LiveDrawWindow;
        var scenario = new ScenarioDraw(options, from, windowEnd);
        var districts = count == 0 ? 0 : water.Districts;

        var households = new List<HouseholdMeter>(count);
        for (var number = 1; number <= count; number++)
        {
            var seed = DeviceSeed.For(options.Seed, DeviceKind.Watermeter, number);
            var bursts = scenario.BurstsOf(number);
            var interval = bursts.Count > 0 ? water.HouseholdIntervalMin : DrawInterval(seed, water.HouseholdIntervalMin, water.HouseholdIntervalMax);
            households.Add(new HouseholdMeter(
                number,
                DeviceIds.Format(options.DeviceIdPrefix, DeviceKind.Watermeter, number),
                districts == 0 ? 0 : ((number - 1) * districts / count) + 1,
                seed,
                HouseholdTraits.Draw(seed),
                interval,
                PhaseOf(seed, interval),
                SyntheticAddresses.For(options.Seed, number),
                scenario.LeaksOf(number),
                bursts,
                scenario.ReplacementsOf(number),
                scenario.HolidaysOf(number)));
        }

        var districtList = new List<District>(districts);
        for (var number = 1; number <= districts; number++)
        {
            var members = households.Where(h => h.District == number).Select(h => h.Number).ToList();
            districtList.Add(new District(
                number,
                District.NameOf(number),
                DeviceIds.FormatInflow(options.DeviceIdPrefix, number),
                DeviceSeed.For(options.Seed, DeviceKind.Watermeter, -number),
                water.InflowInterval,
                AlignedPhase(from, water.InflowInterval),
                members,
                new ConstantFlow(from, null, water.BackgroundLeakageLph),
                scenario.PipeLeaksOf(number)));
        }

        return new WaterNetworkPlan(options.Municipality, from, households, districtList);
    }

    /// <summary>The phase of a device's first report within one interval, from its seed (as every simulated device has).</summary>
    public static TimeSpan PhaseOf(int seed, TimeSpan interval) => TimeSpan.FromTicks((long)(new Random(~seed).NextDouble() * interval.Ticks));

    /// <summary>Inflow meters report on the clock (xx:00, xx:15, …), as a utility's telemetry does.</summary>
    private static TimeSpan AlignedPhase(DateTimeOffset from, TimeSpan interval) =>
        TimeSpan.FromTicks((interval.Ticks - (from.UtcTicks % interval.Ticks)) % interval.Ticks);

    /// <summary>A whole number of minutes in [<paramref name="min"/>, <paramref name="max"/>].</summary>
    private static TimeSpan DrawInterval(int seed, TimeSpan min, TimeSpan max)
    {
        var low = (int)Math.Ceiling(min.TotalMinutes);
        var high = Math.Max(low, (int)Math.Floor(max.TotalMinutes));
        return TimeSpan.FromMinutes(new Random(seed ^ 0x1A7E).Next(low, high + 1));
    }
}
