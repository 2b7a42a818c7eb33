namespace SmartOverhalla.Water.Balance;

/// <summary>
/// One district metered area's water balance for one local day (the IWA water balance, simplified to what meters
/// measure): what entered it, what its households used, and the difference, its losses (leaks in the pipes, unmetered
/// use, meter error) — with the standard measures of non-revenue water.
/// </summary>
/// <param name="InflowL">Litres the district's inflow meter measured.</param>
/// <param name="ConsumptionL">Litres its household meters measured, summed.</param>
/// <param name="Connections">Household meters that reported that day.</param>
/// <param name="MinimumNightFlowLph">
/// The lowest hourly inflow between 02:00 and 04:00 local time (the hours starting 02 and 03), litres per hour: when
/// almost nobody uses water, so it is mostly leakage. Null when the inflow meter did not cover those hours.
/// </param>
public sealed record DistrictDay(DateOnly Date, string District, double InflowL, double ConsumptionL, int Connections, double? MinimumNightFlowLph)
{
    /// <summary>Inflow − consumption: losses in litres (negative only with meter error or missing inflow readings).</summary>
    public double LossesL => InflowL - ConsumptionL;

    /// <summary>Losses as a share of the inflow, in percent; null without inflow.</summary>
    public double? LossesPercent => InflowL > 0 ? LossesL / InflowL * 100 : null;

    /// <summary>Losses per connection and day, litres (the IWA performance indicator for networks with many connections).</summary>
    public double? LossesPerConnectionL => Connections > 0 ? LossesL / Connections : null;
}
