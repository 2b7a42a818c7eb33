namespace SmartOverhalla.Lighting.Savings;

/// <summary>One zone's energy and savings for one day or month, as the API returns it and the series stores it.</summary>
/// <param name="Date">The day, or the first day of the month (Europe/Oslo).</param>
/// <param name="Zone">The zone id, or <c>_unzoned</c> for lights no zone claims.</param>
public sealed record SavingsRow(
    DateOnly Date,
    string Zone,
    double EnergyKWh,
    double BaselineKWh,
    double SavedKWh,
    double SavedNok,
    double SavedCo2Kg,
    long Lights,
    double LitHours,
    double UnknownHours)
{
    public static SavingsRow Of(DateOnly date, string zone, SavingsFigures figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        return new SavingsRow(date, zone, figures.EnergyKWh, figures.BaselineKWh, figures.SavedKWh, figures.SavedNok, figures.SavedCo2Kg, figures.Lights, figures.LitHours, figures.UnknownHours);
    }
}
