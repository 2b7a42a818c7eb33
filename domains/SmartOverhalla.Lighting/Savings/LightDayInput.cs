namespace SmartOverhalla.Lighting.Savings;

/// <summary>What one light's savings day is computed from.</summary>
/// <param name="Light">The light's device id.</param>
/// <param name="ZoneId">Its zone id in the zones file, or null when no zone claims it.</param>
/// <param name="Samples">Its readings around the day, any order (include those just before and after it).</param>
/// <param name="FullPower">Its readings at 100 % over the learning window, if any.</param>
public sealed record LightDayInput(string Light, string? ZoneId, IReadOnlyList<EnergySample> Samples, FullPowerObservation? FullPower)
{
    /// <summary>The zone its rows are counted in: its zone id, or <see cref="SavingsZones.Unzoned"/>.</summary>
    public string Zone => ZoneId ?? SavingsZones.Unzoned;
}
