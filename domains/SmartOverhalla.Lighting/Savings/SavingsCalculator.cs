using SmartOverhalla.Time;

namespace SmartOverhalla.Lighting.Savings;

/// <summary>
/// A local day's savings: each light's row from its readings, and each zone's row as the sum of its lights' rows.
/// Pure (no I/O, no clock): the analytics job reads the readings, calls these and writes the rows.
/// </summary>
public static class SavingsCalculator
{
    /// <summary>Each light's row of <paramref name="day"/>, in the order given.</summary>
    public static IReadOnlyList<LightSavingsRow> Lights(LocalDay day, IEnumerable<LightDayInput> lights, SavingsRules rules)
    {
        ArgumentNullException.ThrowIfNull(lights);
        ArgumentNullException.ThrowIfNull(rules);
        var rows = new List<LightSavingsRow>();
        foreach (var light in lights)
        {
            var rated = RatedPower.Resolve(light.FullPower, light.ZoneId, rules.RatedPower);
            var energy = LightDayCalculator.Compute(light.Samples, day, rated.Watts, rules.Reading);
            var figures = SavingsFigures.Of(energy, rules.Pricing);
            rows.Add(new LightSavingsRow(
                day.Date, light.Light, light.Zone, figures.EnergyKWh, figures.BaselineKWh, figures.SavedKWh, figures.SavedNok, figures.SavedCo2Kg,
                figures.LitHours, figures.UnknownHours, rated.Watts, rated.Source));
        }

        return rows;
    }

    /// <summary>One row per zone of <paramref name="lights"/> (rows of day <paramref name="date"/>), by zone id: the sum of its lights.</summary>
    public static IReadOnlyList<SavingsRow> Zones(DateOnly date, IEnumerable<LightSavingsRow> lights)
    {
        ArgumentNullException.ThrowIfNull(lights);
        var perZone = new SortedDictionary<string, SavingsFigures>(StringComparer.Ordinal);
        foreach (var light in lights)
        {
            var figures = SavingsFigures.Of(light);
            perZone[light.Zone] = perZone.TryGetValue(light.Zone, out var sum) ? sum.Plus(figures) : figures;
        }

        return [.. perZone.Select(zone => SavingsRow.Of(date, zone.Key, zone.Value))];
    }
}
