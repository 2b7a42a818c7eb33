using Microsoft.Extensions.Options;
using SmartOverhalla.Lighting.Reloading;
using SmartOverhalla.Time;

namespace SmartOverhalla.Gateway.Savings;

/// <summary>
/// Computes one local day of the zones file's municipality from its street-light telemetry and writes it: each
/// light's day, each zone's day, then the month's rows as the sum of its days. Idempotent: every point is stamped at
/// its day's (or month's) local midnight, so a day computed again replaces what was written before.
/// </summary>
internal sealed class SavingsComputation(
    StreetlightTelemetryReader telemetry,
    SavingsSeries series,
    IZoneConfigurationSource zones,
    IOptions<LightingSavingsOptions> options,
    ILogger<SavingsComputation> logger)
{
    private readonly LightingSavingsOptions _options = options.Value;

    /// <summary>The municipality the savings are computed for: the zones file's.</summary>
    public string Municipality => zones.Current.Municipality;

    /// <summary>Computes and writes <paramref name="date"/> and rewrites its month; returns the day's zone rows (none without telemetry).</summary>
    public async Task<IReadOnlyList<SavingsRow>> ComputeDayAsync(DateOnly date, CancellationToken cancellationToken)
    {
        // One configuration for the whole day, even if the file is reloaded meanwhile.
        var configuration = zones.Current;
        var municipality = configuration.Municipality;
        var day = LocalDay.Of(date);
        var lights = await telemetry.LightsAsync(municipality, day.Start, day.End, cancellationToken);
        if (lights.Count == 0)
        {
            Log.NoTelemetry(logger, municipality, date);
            return [];
        }

        var fullPower = _options.LearnRatedPower
            ? await telemetry.FullPowerAsync(municipality, day.End - _options.RatedPowerLearningWindow, day.End, cancellationToken)
            : new Dictionary<string, FullPowerObservation>();
        var perZone = new Dictionary<string, SavingsFigures>(StringComparer.Ordinal);
        foreach (var batch in lights.Chunk(_options.LightsPerQuery))
        {
            // Readings up to MaxSampleGap either side of the day: the intervals across midnight that still count.
            var samples = await telemetry.SamplesAsync(municipality, batch, day.Start - _options.MaxSampleGap, day.End + _options.MaxSampleGap, cancellationToken);
            var lightRows = new List<LightSavingsRow>(batch.Length);
            foreach (var light in batch)
            {
                var zoneId = configuration.ZoneOf(light)?.Id;
                var rated = RatedPower.Resolve(fullPower.TryGetValue(light, out var seen) ? seen : null, zoneId, _options);
                var energy = LightDayCalculator.Compute(samples.GetValueOrDefault(light) ?? [], day, rated.Watts, ReadingRules.From(_options));
                var figures = SavingsFigures.Of(energy, _options);
                var zone = zoneId ?? SavingsSeries.Unzoned;
                perZone[zone] = perZone.TryGetValue(zone, out var sum) ? sum.Plus(figures) : figures;
                lightRows.Add(new LightSavingsRow(
                    date, light, zone, figures.EnergyKWh, figures.BaselineKWh, figures.SavedKWh, figures.SavedNok, figures.SavedCo2Kg,
                    figures.LitHours, figures.UnknownHours, rated.Watts, rated.Source));
            }

            await series.WriteLightsAsync(municipality, lightRows, cancellationToken);
        }

        // Zone rows last: their presence is what marks the day as computed, so a run cut short is done again.
        var zoneRows = perZone.OrderBy(z => z.Key, StringComparer.Ordinal).Select(z => SavingsRow.Of(date, z.Key, z.Value)).ToList();
        await series.WriteAsync(municipality, SavingsPeriod.Day, zoneRows, cancellationToken);
        Log.DayComputed(logger, municipality, date, lights.Count, zoneRows.Count, zoneRows.Sum(r => r.SavedKWh));
        await RollUpMonthAsync(LocalDay.MonthOf(date), cancellationToken);
        return zoneRows;
    }

    /// <summary>Rewrites the month rows starting <paramref name="month"/> as the sums of its day rows written so far.</summary>
    public async Task RollUpMonthAsync(DateOnly month, CancellationToken cancellationToken)
    {
        var municipality = zones.Current.Municipality;
        var rows = await series.SumOfDaysAsync(municipality, month, cancellationToken);
        await series.WriteAsync(municipality, SavingsPeriod.Month, rows, cancellationToken);
        Log.MonthWritten(logger, municipality, month, rows.Count);
    }
}
