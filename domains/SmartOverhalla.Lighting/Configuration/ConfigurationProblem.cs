namespace SmartOverhalla.Lighting.Configuration;

/// <summary>One problem in a zone file: where it is (zone, profile, step) and what is wrong.</summary>
/// <param name="Where">E.g. "zone 'sentrum'", "profile 'standard' step 2 (at: 25:00)".</param>
/// <param name="Problem">What is wrong and, where it helps, what is allowed.</param>
public sealed record ConfigurationProblem(string Where, string Problem)
{
    /// <inheritdoc />
    public override string ToString() => $"{Where}: {Problem}";
}
