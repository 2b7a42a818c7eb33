namespace SmartOverhalla.Water.Consumption;

/// <summary>
/// What a meter (or a district's meters together) used in one clock hour [<see cref="Start"/>, <see cref="Start"/> + 1 h).
/// Norway's offset from UTC is whole hours, so a UTC hour is a local hour too.
/// </summary>
/// <param name="Litres">Litres used in the hour, never negative.</param>
/// <param name="EstimatedLitres">The part of <paramref name="Litres"/> spread over a gap or a meter change (when it was used is assumed).</param>
/// <param name="Covered">How much of the hour the readings cover; less than an hour at the edges of what was read (before the first, after the last reading).</param>
public readonly record struct ConsumptionHour(DateTimeOffset Start, double Litres, double EstimatedLitres, TimeSpan Covered)
{
    public static readonly TimeSpan Length = TimeSpan.FromHours(1);

    /// <summary>Part of the hour's litres was spread over a gap or a meter change.</summary>
    public bool Estimated => EstimatedLitres > 0;

    /// <summary>The readings cover the whole hour.</summary>
    public bool Complete => Covered >= Length;
}
