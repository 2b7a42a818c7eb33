namespace SmartOverhalla.Simulators.WaterNetwork;

/// <summary>
/// The simulated water network of one run, fixed by the options and the seed: household meters, districts with their
/// inflow meters, and the scenario (leaks, bursts, replacements, holidays, pipe leaks). Live mode, backfill, the
/// registry file and the ground truth all read this one description, so they cannot disagree.
/// </summary>
/// <param name="Origin">Where the simulation starts: the live start, or the start of the backfill range.</param>
internal sealed record WaterNetworkPlan(string Municipality, DateTimeOffset Origin, IReadOnlyList<HouseholdMeter> Households, IReadOnlyList<District> Districts)
{
    public HouseholdMeter Household(int number) => Households[number - 1];

    /// <summary>The households of <paramref name="district"/>.</summary>
    public IEnumerable<HouseholdMeter> HouseholdsOf(District district) => district.Households.Select(Household);
}
