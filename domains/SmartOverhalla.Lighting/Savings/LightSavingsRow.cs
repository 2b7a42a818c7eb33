namespace SmartOverhalla.Lighting.Savings;

/// <summary>One light's energy and savings for one day, with the power at 100 % its baseline used and where that came from.</summary>
public sealed record LightSavingsRow(
    DateOnly Date,
    string Light,
    string Zone,
    double EnergyKWh,
    double BaselineKWh,
    double SavedKWh,
    double SavedNok,
    double SavedCo2Kg,
    double LitHours,
    double UnknownHours,
    double RatedPowerW,
    RatedPowerSource RatedPowerSource);
