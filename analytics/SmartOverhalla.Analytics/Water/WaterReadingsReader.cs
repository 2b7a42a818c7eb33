using System.Text;
using SmartOverhalla.DerivedSeries.Water;
using SmartOverhalla.Influx;
using SmartOverhalla.Water.Consumption;
using SmartOverhalla.Water.Leaks;

namespace SmartOverhalla.Analytics.Water;

/// <summary>
/// Reads raw water meter readings from <c>"water_raw"."watermeter"</c> (fields as in the device contract: <c>volumeL</c>,
/// and <c>alarmLeak</c>, <c>alarmBurst</c> for the payload's <c>alarms.leak</c>, <c>alarms.burst</c>): one InfluxQL request
/// per <see cref="WaterAnalyticsOptions.MetersPerQuery"/> meters, grouped by device, never one per meter.
/// </summary>
internal sealed class WaterReadingsReader(IInfluxQueryClient influx)
{
    /// <summary>
    /// The register readings of <paramref name="meters"/> in [<paramref name="from"/>, <paramref name="to"/>), with each
    /// meter's last reading before <paramref name="from"/> and first at or after <paramref name="to"/> within
    /// <paramref name="neighbourLookup"/> (zero: none), so intervals across the range's edges are known.
    /// </summary>
    public async Task<Dictionary<string, MeterReadings>> RegistersAsync(
        string municipality, IReadOnlyList<string> meters, DateTimeOffset from, DateTimeOffset to, TimeSpan neighbourLookup, int metersPerQuery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var readings = new Dictionary<string, MeterReadings>(StringComparer.Ordinal);
        foreach (var chunk in meters.Chunk(metersPerQuery))
        {
            var where = Where(municipality, chunk);
            var query = new StringBuilder()
                .Append($"SELECT \"volumeL\" FROM {WaterRetention.RawReadingsFrom} WHERE {where}{TimeRange(from, to)} GROUP BY \"device\"");
            if (neighbourLookup > TimeSpan.Zero)
            {
                // Selectors: each row carries the time of the reading it picked.
                query.Append($"; SELECT last(\"volumeL\") AS \"volumeL\" FROM {WaterRetention.RawReadingsFrom} WHERE {where}{TimeRange(from - neighbourLookup, from)} GROUP BY \"device\"");
                query.Append($"; SELECT first(\"volumeL\") AS \"volumeL\" FROM {WaterRetention.RawReadingsFrom} WHERE {where}{TimeRange(to, to + neighbourLookup)} GROUP BY \"device\"");
            }

            var result = await influx.QueryAsync(query.ToString(), cancellationToken);
            RefuseCut(result, chunk.Length);
            foreach (var statement in result.Statements)
            {
                Collect(statement.Series, readings, alarms: false);
            }
        }

        foreach (var meter in readings.Values)
        {
            meter.Registers.Sort((a, b) => a.Time.CompareTo(b.Time));
        }

        return readings;
    }

    /// <summary>The register readings and alarm flags of <paramref name="meters"/> in [<paramref name="from"/>, <paramref name="to"/>).</summary>
    public async Task<Dictionary<string, MeterReadings>> RegistersAndAlarmsAsync(
        string municipality, IReadOnlyList<string> meters, DateTimeOffset from, DateTimeOffset to, int metersPerQuery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var readings = new Dictionary<string, MeterReadings>(StringComparer.Ordinal);
        foreach (var chunk in meters.Chunk(metersPerQuery))
        {
            var result = await influx.QueryAsync(
                $"SELECT \"volumeL\", \"alarmLeak\", \"alarmBurst\" FROM {WaterRetention.RawReadingsFrom} WHERE {Where(municipality, chunk)}{TimeRange(from, to)} GROUP BY \"device\"",
                cancellationToken);
            RefuseCut(result, chunk.Length);
            Collect(result.Series, readings, alarms: true);
        }

        return readings;
    }

    private static void Collect(IReadOnlyList<InfluxSeries> seriesList, Dictionary<string, MeterReadings> readings, bool alarms)
    {
        foreach (var series in seriesList)
        {
            if (!series.Tags.TryGetValue("device", out var device))
            {
                continue;
            }

            var meter = readings.TryGetValue(device, out var existing) ? existing : readings[device] = new MeterReadings();
            var hasLeak = alarms && series.GetColumnIndex("alarmLeak") >= 0;
            var hasBurst = alarms && series.GetColumnIndex("alarmBurst") >= 0;
            for (var row = 0; row < series.RowCount; row++)
            {
                var time = series.GetTime(row);
                if (series.GetDouble(row, "volumeL") is { } volume)
                {
                    meter.Registers.Add(new RegisterReading(time, volume));
                }

                if (hasLeak && series.GetBoolean(row, "alarmLeak") is { } leak)
                {
                    meter.LeakAlarms.Add(new AlarmReading(time, leak));
                }

                if (hasBurst && series.GetBoolean(row, "alarmBurst") is { } burst)
                {
                    meter.BurstAlarms.Add(new AlarmReading(time, burst));
                }
            }
        }
    }

    private static string Where(string municipality, IReadOnlyList<string> meters)
    {
        var where = new StringBuilder().Append("\"municipality\" = ").Append(InfluxQl.QuoteString(municipality)).Append(" AND (");
        for (var i = 0; i < meters.Count; i++)
        {
            where.Append(i == 0 ? string.Empty : " OR ").Append("\"device\" = ").Append(InfluxQl.QuoteString(meters[i]));
        }

        return where.Append(')').ToString();
    }

    /// <summary>A cut answer would silently leave readings out of a day: refuse it, saying what to change.</summary>
    private static void RefuseCut(InfluxQueryResult result, int meters)
    {
        if (result.IsCut)
        {
            throw new InvalidOperationException($"InfluxDB cut the readings of {meters} meters short (its max-row-limit); lower Water:MetersPerQuery.");
        }
    }

    private static string TimeRange(DateTimeOffset from, DateTimeOffset to) =>
        " AND " + InfluxQl.TimeRange(from, to);
}
