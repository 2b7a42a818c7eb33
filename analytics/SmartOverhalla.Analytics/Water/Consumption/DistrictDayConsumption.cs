using SmartOverhalla.DerivedSeries.Water;
using SmartOverhalla.Water.Balance;

namespace SmartOverhalla.Analytics.Water.Consumption;

/// <summary>
/// What the consumption job writes for one district and one local day (<see cref="DistrictDayCalculator"/>): every
/// household meter's hours and day, the district's hours and day (its households summed), and the balance against its
/// inflow meter (null when the district has no inflow meter reading that day).
/// </summary>
internal sealed record DistrictDayConsumption(
    IReadOnlyList<MeterConsumptionRow> MeterHours,
    IReadOnlyList<MeterConsumptionRow> MeterDays,
    IReadOnlyList<DistrictConsumptionRow> DistrictHours,
    DistrictConsumptionRow? DistrictDay,
    DistrictDay? Balance);
