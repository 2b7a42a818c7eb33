namespace SmartOverhalla.Water.Balance;

/// <summary>What <see cref="NightFlowRule.Judge"/> found: the baseline, how far tonight is above it, and whether that is an alarm.</summary>
public readonly record struct NightFlowVerdict(double BaselineLph, double RiseLph, bool Raised);
