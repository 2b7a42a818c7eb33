using SmartOverhalla.Time;
using SmartOverhalla.Water.Consumption;

namespace SmartOverhalla.Water.Balance;

/// <summary>A district's balance for a local day, from the hours of its inflow meter and of its household meters. Pure.</summary>
public static class WaterBalance
{
    /// <summary>The local hours (Europe/Oslo) whose lowest inflow is the minimum night flow: starting 02:00 and 03:00.</summary>
    public static readonly IReadOnlyList<int> NightHours = [2, 3];

    /// <summary>The balance of <paramref name="date"/> for <paramref name="district"/>.</summary>
    /// <param name="inflow">The inflow meter's hours (any range; only the day's count).</param>
    /// <param name="households">Each household meter's hours (any range; only the day's count).</param>
    public static DistrictDay Of(DateOnly date, string district, IEnumerable<ConsumptionHour> inflow, IEnumerable<IEnumerable<ConsumptionHour>> households)
    {
        ArgumentNullException.ThrowIfNull(inflow);
        ArgumentNullException.ThrowIfNull(households);
        var day = LocalDay.Of(date);
        bool InDay(ConsumptionHour h) => h.Start >= day.Start && h.Start < day.End;
        var inflowHours = inflow.Where(InDay).ToList();
        var connections = 0;
        double consumption = 0;
        foreach (var meter in households)
        {
            var hours = meter.Where(InDay).ToList();
            if (hours.Count > 0)
            {
                connections++;
                consumption += hours.Sum(h => h.Litres);
            }
        }

        var nightStarts = NightHourStarts(date);
        var night = inflowHours.Where(h => h.Complete && nightStarts.Contains(h.Start)).ToList();
        return new DistrictDay(
            date,
            district,
            inflowHours.Sum(h => h.Litres),
            consumption,
            connections,
            night.Count == nightStarts.Count ? night.Min(h => h.Litres) : null);
    }

    /// <summary>
    /// The starts (UTC) of <paramref name="date"/>'s night hours, those whose local start hour is one of
    /// <see cref="NightHours"/>: two on most days, one on the last Sunday of March (02:00 does not exist), three on the
    /// last Sunday of October (02:00 comes twice).
    /// </summary>
    public static IReadOnlyList<DateTimeOffset> NightHourStarts(DateOnly date)
    {
        var day = LocalDay.Of(date);
        var starts = new List<DateTimeOffset>(3);
        for (var hour = day.Start; hour < day.End; hour += ConsumptionHour.Length)
        {
            if (NightHours.Contains(NorwegianTime.ToLocal(hour).Hour))
            {
                starts.Add(hour);
            }
        }

        return starts;
    }
}
