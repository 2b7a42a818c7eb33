using SmartOverhalla.Lighting.Savings;

namespace SmartOverhalla.Gateway.Savings;

/// <summary>The sum of the rows of a savings answer (every zone and date asked for).</summary>
internal sealed record SavingsTotal(
    double EnergyKWh,
    double BaselineKWh,
    double SavedKWh,
    double SavedNok,
    double SavedCo2Kg,
    double LitHours,
    double UnknownHours)
{
    public static SavingsTotal Of(IReadOnlyCollection<SavingsRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return new SavingsTotal(
            rows.Sum(r => r.EnergyKWh),
            rows.Sum(r => r.BaselineKWh),
            rows.Sum(r => r.SavedKWh),
            rows.Sum(r => r.SavedNok),
            rows.Sum(r => r.SavedCo2Kg),
            rows.Sum(r => r.LitHours),
            rows.Sum(r => r.UnknownHours));
    }
}
