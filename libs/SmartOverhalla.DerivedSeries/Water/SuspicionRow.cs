using SmartOverhalla.Water.Leaks;

namespace SmartOverhalla.DerivedSeries.Water;

/// <summary>A leak or burst suspicion of one household meter, as kept in <c>water_suspicion</c>.</summary>
public sealed record SuspicionRow(string Device, string District, Suspicion Suspicion);
