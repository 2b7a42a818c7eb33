namespace SmartOverhalla.Simulators.WaterNetwork;

/// <summary>
/// What the simulation really did over [<see cref="From"/>, <see cref="To"/>), so tests can compare the platform's
/// findings with it (written with <c>--write-ground-truth</c>; the shape is in the simulator's README).
/// </summary>
internal sealed record GroundTruth(
    string Municipality,
    DateTimeOffset From,
    DateTimeOffset To,
    int Seed,
    IReadOnlyList<GroundTruthMeter> Meters,
    IReadOnlyList<GroundTruthLeak> Leaks,
    IReadOnlyList<GroundTruthBurst> Bursts,
    IReadOnlyList<GroundTruthReplacement> Replacements,
    IReadOnlyList<GroundTruthHoliday> Holidays,
    IReadOnlyList<GroundTruthPipeLeak> PipeLeaks,
    IReadOnlyList<GroundTruthDistrictDay> DistrictDays);

/// <param name="Role"><c>household</c> or <c>district-inflow</c>.</param>
/// <param name="District">The district's name; null when the network has no districts.</param>
/// <param name="Interval">How often it reports in backfill and by default live (hh:mm:ss).</param>
/// <param name="Residents">Household meters only.</param>
internal sealed record GroundTruthMeter(string MeterId, string Role, string? District, string Interval, int? Residents);

/// <param name="End">Null: it ran to the end of the simulation.</param>
/// <param name="LitresLost">Litres the leak let through within the simulated range.</param>
/// <param name="Drawn">True when drawn with the seed, false when configured.</param>
internal sealed record GroundTruthLeak(string MeterId, DateTimeOffset Start, DateTimeOffset? End, double RateLph, double LitresLost, bool Drawn);

internal sealed record GroundTruthBurst(string MeterId, DateTimeOffset Start, DateTimeOffset End, double RateLph, double Litres, bool Drawn);

internal sealed record GroundTruthReplacement(string MeterId, DateTimeOffset At);

internal sealed record GroundTruthHoliday(string MeterId, DateTimeOffset Start, DateTimeOffset End, bool Drawn);

internal sealed record GroundTruthPipeLeak(string District, DateTimeOffset Start, DateTimeOffset? End, double RateLph, double LitresLost, bool Drawn);

/// <summary>One district's water on one local day (Europe/Oslo), within the simulated range: inflow = households + losses.</summary>
/// <param name="Complete">False for a first or last day only partly inside the range.</param>
internal sealed record GroundTruthDistrictDay(string District, DateOnly Date, double InflowLitres, double HouseholdLitres, double LossLitres, bool Complete);
