using SmartOverhalla.Simulators.Models.Watermeters;

namespace SmartOverhalla.Simulators.WaterNetwork;

/// <summary>One simulated household meter: who it is, where, how it reports, and what happens behind it.</summary>
/// <param name="Number">1-based number among the household meters.</param>
/// <param name="District">1-based district number; 0 when the network has no districts.</param>
/// <param name="Address">The synthetic address it serves (the gateway's registry only; never sent with readings).</param>
internal sealed record HouseholdMeter(
    int Number,
    string DeviceId,
    int District,
    int Seed,
    HouseholdTraits Traits,
    TimeSpan Interval,
    TimeSpan Phase,
    string Address,
    IReadOnlyList<ScenarioLeak> Leaks,
    IReadOnlyList<ScenarioBurst> Bursts,
    IReadOnlyList<DateTimeOffset> Replacements,
    IReadOnlyList<ScenarioHoliday> Holidays)
{
    /// <summary>A fresh reader of everything that flows through this meter from <paramref name="origin"/>.</summary>
    public HouseholdFlow CreateFlow(DateTimeOffset origin) => new(
        Traits,
        origin,
        [.. Leaks.Select(l => l.Flow), .. Bursts.Select(b => b.Flow)],
        [.. Holidays.Select(h => (h.Start, h.End))]);
}
