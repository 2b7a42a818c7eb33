namespace SmartOverhalla.Lighting.Savings;

/// <summary>Every rule a savings day is computed with: which intervals count, the 100 % baseline, the prices.</summary>
public sealed record SavingsRules(ReadingRules Reading, RatedPowerRules RatedPower, SavingsPricing Pricing);
