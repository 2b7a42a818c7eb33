namespace SmartOverhalla.Water.Balance;

/// <summary>
/// A district's minimum night flow rising well above its own recent level means a new leak in the pipes (households use
/// almost nothing at night, so a household's leak shows at its own meter instead). The baseline is the median of the
/// district's earlier nights, so one odd night neither raises nor hides an alarm.
/// </summary>
/// <param name="BaselineNights">How many earlier nights make the baseline (and at least how many it needs).</param>
/// <param name="RiseShare">How far above the baseline is "well above", as a share of it (0.5: 50 % more).</param>
/// <param name="MinimumRiseLph">And at least this much more, litres per hour, so a small district's noise is no alarm.</param>
public sealed record NightFlowRule(int BaselineNights, double RiseShare, double MinimumRiseLph)
{
    /// <summary>Two weeks of nights; 50 % and at least 200 L/h above them.</summary>
    public static NightFlowRule Default { get; } = new(14, 0.5, 200);

    /// <summary>
    /// Whether <paramref name="tonight"/> is well above the median of the last <see cref="BaselineNights"/> of
    /// <paramref name="earlier"/> (nights before it, any order). Null when there are too few earlier nights to say.
    /// </summary>
    public NightFlowVerdict? Judge(double tonight, IEnumerable<double> earlier)
    {
        ArgumentNullException.ThrowIfNull(earlier);
        var nights = earlier.TakeLast(BaselineNights).Order().ToList();
        if (nights.Count < BaselineNights)
        {
            return null;
        }

        var middle = nights.Count / 2;
        var baseline = nights.Count % 2 == 1 ? nights[middle] : (nights[middle - 1] + nights[middle]) / 2;
        var rise = tonight - baseline;
        return new NightFlowVerdict(baseline, rise, rise >= MinimumRiseLph && rise >= baseline * RiseShare);
    }
}
