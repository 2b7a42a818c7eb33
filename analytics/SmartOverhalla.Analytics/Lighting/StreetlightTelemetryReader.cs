using System.Text;
using SmartOverhalla.Influx;
using SmartOverhalla.Lighting.Savings;

namespace SmartOverhalla.Analytics.Lighting;

/// <summary>Reads what the savings need from measurement <c>streetlight</c> (fields as in the device contract).</summary>
internal sealed class StreetlightTelemetryReader(IInfluxQueryClient influx)
{
    private const string Measurement = "streetlight";

    /// <summary>Every light of <paramref name="municipality"/> with a reading in [<paramref name="from"/>, <paramref name="to"/>).</summary>
    public async Task<IReadOnlyList<string>> LightsAsync(string municipality, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        // last() per device is the cheapest query that names every series with a point in the range.
        var result = await influx.QueryAsync(
            $"SELECT last(\"energyKWh\") FROM \"{Measurement}\" WHERE \"municipality\" = {InfluxQl.QuoteString(municipality)}{TimeRange(from, to)} GROUP BY \"device\"",
            cancellationToken);
        RefuseCut(result, "the lights with readings");
        return [.. result.Series.Select(s => s.Tags.GetValueOrDefault("device")).OfType<string>().Order(StringComparer.Ordinal)];
    }

    /// <summary>Per light: the median <c>powerW</c> and the number of its readings at <c>dimLevel</c> 100 with the lamp on.</summary>
    public async Task<IReadOnlyDictionary<string, FullPowerObservation>> FullPowerAsync(string municipality, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        // Aggregated by InfluxDB: a month of readings per light never travels to the gateway.
        var result = await influx.QueryAsync(
            $"SELECT median(\"powerW\") AS \"powerW\", count(\"powerW\") AS \"samples\" FROM \"{Measurement}\" WHERE \"municipality\" = {InfluxQl.QuoteString(municipality)} AND \"dimLevel\" = 100 AND \"lampOn\" = true{TimeRange(from, to)} GROUP BY \"device\"",
            cancellationToken);
        RefuseCut(result, "the lights' readings at 100 %");
        var observed = new Dictionary<string, FullPowerObservation>(StringComparer.Ordinal);
        foreach (var series in result.Series)
        {
            if (series.Tags.TryGetValue("device", out var device) && series.RowCount > 0
                && series.GetDouble(0, "powerW") is { } watts && series.GetInt64(0, "samples") is { } samples)
            {
                observed[device] = new FullPowerObservation(watts, samples);
            }
        }

        return observed;
    }

    /// <summary>The readings of <paramref name="lights"/> in [<paramref name="from"/>, <paramref name="to"/>), per light, in time order.</summary>
    public async Task<IReadOnlyDictionary<string, List<EnergySample>>> SamplesAsync(
        string municipality, IReadOnlyList<string> lights, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lights);
        var samples = new Dictionary<string, List<EnergySample>>(StringComparer.Ordinal);
        if (lights.Count == 0)
        {
            return samples;
        }

        var deviceFilter = new StringBuilder();
        foreach (var light in lights)
        {
            deviceFilter.Append(deviceFilter.Length == 0 ? "(" : " OR ").Append("\"device\" = ").Append(InfluxQl.QuoteString(light));
        }

        deviceFilter.Append(')');
        var result = await influx.QueryAsync(
            $"SELECT \"energyKWh\", \"lampOn\" FROM \"{Measurement}\" WHERE \"municipality\" = {InfluxQl.QuoteString(municipality)} AND {deviceFilter}{TimeRange(from, to)} GROUP BY \"device\"",
            cancellationToken);
        if (result.IsCut)
        {
            // A cut answer would silently shorten lights' days: refuse, and say what to change.
            throw new InvalidOperationException($"InfluxDB cut the readings of {lights.Count} lights short (its max-row-limit); lower Lighting:Savings:LightsPerQuery.");
        }

        foreach (var series in result.Series)
        {
            if (!series.Tags.TryGetValue("device", out var device))
            {
                continue;
            }

            var list = samples.TryGetValue(device, out var existing) ? existing : samples[device] = new List<EnergySample>(series.RowCount);
            for (var row = 0; row < series.RowCount; row++)
            {
                // A reading without either field cannot say what happened after it; the next full one takes over.
                if (series.GetDouble(row, "energyKWh") is { } energy && series.GetBoolean(row, "lampOn") is { } lampOn)
                {
                    list.Add(new EnergySample(series.GetTime(row), energy, lampOn));
                }
            }
        }

        return samples;
    }

    /// <summary>A cut answer would silently leave lights out of their zone's day: refuse it, saying what to change.</summary>
    private static void RefuseCut(InfluxQueryResult result, string what)
    {
        if (result.IsCut)
        {
            throw new InvalidOperationException($"InfluxDB cut its answer for {what} short (its max-row-limit or max-select-series); raise that limit in influxdb.conf.");
        }
    }

    private static string TimeRange(DateTimeOffset from, DateTimeOffset to) =>
        " AND " + InfluxQl.TimeRange(from, to);
}
