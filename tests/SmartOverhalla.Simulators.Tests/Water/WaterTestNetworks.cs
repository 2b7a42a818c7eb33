using SmartOverhalla.Contracts.Messages;
using SmartOverhalla.Simulators.Backfill;
using SmartOverhalla.Simulators.Configuration;
using SmartOverhalla.Simulators.Models.Watermeters;
using SmartOverhalla.Simulators.WaterNetwork;
using SmartOverhalla.Water.Consumption;

namespace SmartOverhalla.Simulators.Tests.Water;

/// <summary>Builds networks for the water tests and reads their meters on a virtual clock, as the backfill does.</summary>
internal static class WaterTestNetworks
{
    /// <summary>Monday 5 January 2026, 00:00 in Oslo (23:00 UTC the day before).</summary>
    public static readonly DateTimeOffset MondayMidnight = new(2026, 1, 4, 23, 0, 0, TimeSpan.Zero);

    public static SimulatorOptions Options(int households, Action<WaterOptions>? configure = null)
    {
        var options = new SimulatorOptions { Streetlights = 0, Ploughs = 0, Watermeters = households, Seed = 2026 };
        options.Water.HolidayShare = 0;
        configure?.Invoke(options.Water);
        return options;
    }

    /// <summary>Every reading of household meter <paramref name="meter"/> from the origin until <paramref name="to"/>, on its own schedule.</summary>
    public static List<WatermeterTelemetry> ReadHousehold(WaterNetworkPlan network, HouseholdMeter meter, DateTimeOffset to) =>
        ReadAt(network, meter, Schedule(network.Origin + meter.Phase, meter.Interval, to));

    public static List<WatermeterTelemetry> ReadAt(WaterNetworkPlan network, HouseholdMeter meter, IEnumerable<DateTimeOffset> instants)
    {
        var clock = new VirtualClock(network.Origin);
        var model = new WatermeterModel(meter.DeviceId, meter.Seed, meter.CreateFlow(network.Origin), meter.Replacements, clock);
        return [.. instants.Select(instant =>
        {
            clock.Now = instant;
            return model.Next();
        })];
    }

    public static IEnumerable<DateTimeOffset> Schedule(DateTimeOffset first, TimeSpan interval, DateTimeOffset to)
    {
        for (var instant = first; instant < to; instant += interval)
        {
            yield return instant;
        }
    }

    public static IReadOnlyList<ConsumptionInterval> Intervals(IEnumerable<WatermeterTelemetry> readings) =>
        RegisterIntervals.Of(readings.Select(r => new RegisterReading(r.Ts, r.VolumeL)), RegisterRules.Household);
}
