namespace SmartOverhalla.Lighting.Savings;

/// <summary>
/// What one light used on one local day, over the time its readings cover (<see cref="LightDayCalculator"/>).
/// </summary>
/// <param name="EnergyKWh">Increase of its energy register over the covered time (never negative).</param>
/// <param name="BaselineKWh">The same lit hours at full power: <see cref="LitHours"/> × the power at 100 %.</param>
/// <param name="LitHours">Hours the lamp was lit.</param>
/// <param name="UnknownHours">Hours of the day its readings do not cover (gaps, before its first or after its last reading).</param>
public readonly record struct LightDayEnergy(double EnergyKWh, double BaselineKWh, double LitHours, double UnknownHours)
{
    /// <summary>Baseline − energy; negative when the light used more than it would have at full power (e.g. standby, or no dimming).</summary>
    public double SavedKWh => BaselineKWh - EnergyKWh;
}
