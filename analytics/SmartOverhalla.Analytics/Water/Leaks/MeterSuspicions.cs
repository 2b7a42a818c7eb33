using SmartOverhalla.Water.Consumption;
using SmartOverhalla.Water.Leaks;

namespace SmartOverhalla.Analytics.Water.Leaks;

/// <summary>
/// One meter's leak and burst suspicions from what was read of it: the platform's rules over its register intervals
/// (<see cref="LeakDetector"/>, so meters without alarms are covered) merged with its own alarm flags
/// (<see cref="MeterAlarms"/>). Pure.
/// </summary>
internal static class MeterSuspicions
{
    public static IReadOnlyList<Suspicion> Of(MeterReadings readings, RegisterRules registers, LeakRules rules)
    {
        ArgumentNullException.ThrowIfNull(readings);
        var intervals = RegisterIntervals.Of(readings.Registers, registers);
        var rule = LeakDetector.Leaks(intervals, rules).Concat(LeakDetector.Bursts(intervals, rules));
        var alarms = MeterAlarms.Of(readings.LeakAlarms, SuspicionKind.Leak).Concat(MeterAlarms.Of(readings.BurstAlarms, SuspicionKind.Burst));
        return MeterAlarms.Merge(rule, alarms);
    }

    /// <summary>
    /// Whether <paramref name="suspicion"/> starts so close to the start of what was read (<paramref name="readFrom"/>)
    /// that it may have begun earlier: within the first whole hour and one regular reporting interval after it.
    /// </summary>
    public static bool AtEdge(Suspicion suspicion, DateTimeOffset readFrom, RegisterRules registers)
    {
        ArgumentNullException.ThrowIfNull(suspicion);
        ArgumentNullException.ThrowIfNull(registers);
        return suspicion.Since < readFrom + TimeSpan.FromHours(1) + registers.MaxRegularInterval;
    }
}
