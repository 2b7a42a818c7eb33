namespace SmartOverhalla.DerivedSeries.Water;

/// <summary>A district's household consumption over one hour, local day or local month: the sum of its household meters.</summary>
/// <param name="Litres">Litres used, estimated ones included.</param>
/// <param name="EstimatedL">The part of <paramref name="Litres"/> spread over gaps in the readings.</param>
/// <param name="Meters">Household meters with consumption in the period.</param>
public sealed record DistrictConsumptionRow(DateTimeOffset Start, string District, double Litres, double EstimatedL, long Meters);
