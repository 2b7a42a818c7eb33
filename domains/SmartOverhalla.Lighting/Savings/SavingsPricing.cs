namespace SmartOverhalla.Lighting.Savings;

/// <summary>What a saved kWh is worth: money and emissions, as configured when a day is computed.</summary>
/// <param name="PricePerKWhNok">What the municipality pays per kWh, all in.</param>
/// <param name="Co2KgPerKWh">Emission factor, kg CO₂e per kWh.</param>
public readonly record struct SavingsPricing(double PricePerKWhNok, double Co2KgPerKWh);
