namespace SmartOverhalla.Water.Consumption;

/// <summary>How register readings are turned into consumption (<see cref="RegisterIntervals"/>).</summary>
/// <param name="MaxRegularInterval">
/// Readings further apart than this are a gap: the consumption between them is real (the register says so) but when it
/// happened is not known, so it is spread evenly over the gap and marked estimated. Meters report every 15–60 min; a
/// missed report or two still counts as regular.
/// </param>
/// <param name="ResetBelowL">
/// A register that falls by more than this (and not by a rollover) is a new meter, or a reset one, counting from zero:
/// its new reading is what it counted since (estimated). A smaller fall is backflow or jitter and counts nothing until
/// the register is back above its highest reading (so nothing is counted twice).
/// </param>
/// <param name="RolloverL">
/// The register's range, if it rolls over to zero at the top (a household meter at 99,999 m³ = 99,999,000 L); null: it
/// does not. A reading near the top followed by one near zero is a rollover, not a reset.
/// </param>
public sealed record RegisterRules(TimeSpan MaxRegularInterval, double ResetBelowL, double? RolloverL)
{
    /// <summary>Household meters: 2 h 30 min between readings is still regular (a missed hourly report), 50 L of backflow tolerated, rollover at 99,999 m³.</summary>
    public static RegisterRules Household { get; } = new(TimeSpan.FromMinutes(150), 50, 99_999_000);
}
