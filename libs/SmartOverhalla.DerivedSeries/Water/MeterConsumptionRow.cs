namespace SmartOverhalla.DerivedSeries.Water;

/// <summary>
/// One meter's consumption over one hour, local day or local month starting at <paramref name="Start"/> (UTC instant of
/// the hour's start or of local midnight).
/// </summary>
/// <param name="Litres">Litres used, estimated ones included.</param>
/// <param name="EstimatedL">The part of <paramref name="Litres"/> spread over a gap in the readings.</param>
public sealed record MeterConsumptionRow(DateTimeOffset Start, string Device, string District, double Litres, double EstimatedL);
