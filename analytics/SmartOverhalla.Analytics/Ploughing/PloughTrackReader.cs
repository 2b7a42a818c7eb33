using SmartOverhalla.Influx;
using SmartOverhalla.Ploughing.Tracks;

namespace SmartOverhalla.Analytics.Ploughing;

/// <summary>Reads plough fixes from measurement <c>plough</c> (fields as in the device contract).</summary>
internal sealed class PloughTrackReader(IInfluxQueryClient influx)
{
    private const string Measurement = "plough";

    /// <summary>Every plough of <paramref name="municipality"/> with a fix in [<paramref name="from"/>, <paramref name="to"/>).</summary>
    public async Task<IReadOnlyList<string>> VehiclesAsync(string municipality, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var result = await influx.QueryAsync(
            $"SELECT last(\"lat\") FROM \"{Measurement}\" WHERE \"municipality\" = {InfluxQl.QuoteString(municipality)}{TimeRange(from, to)} GROUP BY \"device\"",
            cancellationToken);
        RefuseCut(result, "the ploughs with fixes");
        return [.. result.Series.Select(s => s.Tags.GetValueOrDefault("device")).OfType<string>().Order(StringComparer.Ordinal)];
    }

    /// <summary>The fixes of <paramref name="vehicle"/> in [<paramref name="from"/>, <paramref name="to"/>), in time order; fixes without a position are left out.</summary>
    public async Task<IReadOnlyList<TrackPoint>> FixesAsync(string municipality, string vehicle, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var result = await influx.QueryAsync(
            $"SELECT \"lat\", \"lon\", \"speedKmh\", \"headingDeg\", \"ploughDown\", \"hdop\" FROM \"{Measurement}\" " +
            $"WHERE \"municipality\" = {InfluxQl.QuoteString(municipality)} AND \"device\" = {InfluxQl.QuoteString(vehicle)}{TimeRange(from, to)}",
            cancellationToken);
        RefuseCut(result, $"the fixes of {vehicle}");
        var fixes = new List<TrackPoint>();
        foreach (var series in result.Series)
        {
            for (var row = 0; row < series.RowCount; row++)
            {
                if (series.GetDouble(row, "lat") is { } lat && series.GetDouble(row, "lon") is { } lon)
                {
                    fixes.Add(new TrackPoint(
                        series.GetTime(row), lon, lat, series.GetDouble(row, "speedKmh"), series.GetDouble(row, "headingDeg"),
                        series.GetBoolean(row, "ploughDown") ?? false, series.GetDouble(row, "hdop")));
                }
            }
        }

        return fixes;
    }

    /// <summary>A cut answer would silently shorten a track: refuse it, saying what to change.</summary>
    private static void RefuseCut(InfluxQueryResult result, string what)
    {
        if (result.IsCut)
        {
            throw new InvalidOperationException($"InfluxDB cut its answer for {what} short (its max-row-limit); raise that limit in influxdb.conf or shorten Ploughing:ReadMargin.");
        }
    }

    private static string TimeRange(DateTimeOffset from, DateTimeOffset to) =>
        " AND " + InfluxQl.TimeRange(from, to);
}
