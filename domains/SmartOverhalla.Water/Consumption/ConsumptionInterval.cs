namespace SmartOverhalla.Water.Consumption;

/// <summary>
/// What a meter counted between two consecutive readings: <see cref="Litres"/> used in [<see cref="Start"/>,
/// <see cref="End"/>), never negative.
/// </summary>
/// <param name="Estimated">
/// When in the interval the water was used is not known: a gap longer than the regular interval, or a new meter whose
/// first reading is all it counted since it was fitted. The litres are real, their spread over time is assumed even.
/// </param>
/// <param name="Reset">The register started again from zero (a new or reset meter) in this interval.</param>
public readonly record struct ConsumptionInterval(DateTimeOffset Start, DateTimeOffset End, double Litres, bool Estimated, bool Reset)
{
    public TimeSpan Length => End - Start;

    /// <summary>Average flow over the interval, litres per hour.</summary>
    public double LitresPerHour => Length > TimeSpan.Zero ? Litres / Length.TotalHours : 0;
}
