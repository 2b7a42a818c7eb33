using System.Text;
using SmartOverhalla.Influx;
using SmartOverhalla.Lighting.Savings;
using SmartOverhalla.Time;

namespace SmartOverhalla.DerivedSeries.Lighting;

/// <summary>
/// The savings series in InfluxDB. <c>lighting_savings</c>: tags <c>municipality</c>, <c>zone</c>, <c>period</c>
/// (day/month); fields <c>energyKWh</c>, <c>baselineKWh</c>, <c>savedKWh</c>, <c>savedNok</c>, <c>savedCo2Kg</c>,
/// <c>lights</c> (integer), <c>litHours</c>, <c>unknownHours</c>. <c>lighting_savings_light</c>: one light's day, tags
/// <c>municipality</c>, <c>zone</c>, <c>device</c>, the same fields without <c>lights</c>, plus <c>ratedPowerW</c> and
/// <c>ratedPowerSource</c>. Every point is stamped at local midnight of its day (or month's first day), so computing a
/// day again overwrites its points instead of adding to them. Written by the analytics host's savings job, read by
/// the gateway's savings API and by Grafana.
/// </summary>
public sealed class SavingsSeries(IInfluxWriter writer, IInfluxQueryClient influx)
{
    public const string Measurement = "lighting_savings";
    public const string LightMeasurement = "lighting_savings_light";

    public static string TagOf(SavingsPeriod period) => period == SavingsPeriod.Day ? "day" : "month";

    public Task WriteAsync(string municipality, SavingsPeriod period, IEnumerable<SavingsRow> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var points = rows.Select(row => PointData.Measurement(Measurement)
                .Tag("municipality", municipality)
                .Tag("zone", row.Zone)
                .Tag("period", TagOf(period))
                .Field("energyKWh", row.EnergyKWh)
                .Field("baselineKWh", row.BaselineKWh)
                .Field("savedKWh", row.SavedKWh)
                .Field("savedNok", row.SavedNok)
                .Field("savedCo2Kg", row.SavedCo2Kg)
                .Field("lights", row.Lights)
                .Field("litHours", row.LitHours)
                .Field("unknownHours", row.UnknownHours)
                .Timestamp(LocalDay.MidnightOf(row.Date)))
            .ToList();
        return writer.WriteAsync(points, cancellationToken);
    }

    public Task WriteLightsAsync(string municipality, IEnumerable<LightSavingsRow> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var points = rows.Select(row => PointData.Measurement(LightMeasurement)
                .Tag("municipality", municipality)
                .Tag("zone", row.Zone)
                .Tag("device", row.Light)
                .Field("energyKWh", row.EnergyKWh)
                .Field("baselineKWh", row.BaselineKWh)
                .Field("savedKWh", row.SavedKWh)
                .Field("savedNok", row.SavedNok)
                .Field("savedCo2Kg", row.SavedCo2Kg)
                .Field("litHours", row.LitHours)
                .Field("unknownHours", row.UnknownHours)
                .Field("ratedPowerW", row.RatedPowerW)
                .Field("ratedPowerSource", row.RatedPowerSource.ToString().ToLowerInvariant())
                .Timestamp(LocalDay.MidnightOf(row.Date)))
            .ToList();
        return writer.WriteAsync(points, cancellationToken);
    }

    /// <summary>
    /// Per zone (or for <paramref name="zone"/> only), the sum of the day rows of the month starting <paramref name="month"/>;
    /// lights: the most on one day. NOK and CO₂ are summed rather than recomputed, so a month is exactly the sum of its
    /// days even when the price changed in between.
    /// </summary>
    public async Task<IReadOnlyList<SavingsRow>> SumOfDaysAsync(string municipality, DateOnly month, string? zone, CancellationToken cancellationToken)
    {
        var result = await influx.QueryAsync(
            $"SELECT sum(\"energyKWh\") AS \"energyKWh\", sum(\"baselineKWh\") AS \"baselineKWh\", sum(\"savedKWh\") AS \"savedKWh\", " +
            $"sum(\"savedNok\") AS \"savedNok\", sum(\"savedCo2Kg\") AS \"savedCo2Kg\", max(\"lights\") AS \"lights\", " +
            $"sum(\"litHours\") AS \"litHours\", sum(\"unknownHours\") AS \"unknownHours\" FROM \"{Measurement}\" " +
            $"WHERE {Where(municipality, SavingsPeriod.Day, month, month.AddMonths(1).AddDays(-1), zone)} GROUP BY \"zone\"",
            cancellationToken);
        return [.. result.Series.Where(s => s.RowCount > 0).Select(s => ReadRow(s, 0, month, s.Tags.GetValueOrDefault("zone") ?? SavingsZones.Unzoned))];
    }

    /// <summary>Rows of <paramref name="period"/> whose day (or month's first day) lies in [<paramref name="from"/>, <paramref name="to"/>], by date then zone.</summary>
    public async Task<IReadOnlyList<SavingsRow>> ReadAsync(string municipality, SavingsPeriod period, DateOnly from, DateOnly to, string? zone, CancellationToken cancellationToken)
    {
        var result = await influx.QueryAsync($"SELECT * FROM \"{Measurement}\" WHERE {Where(municipality, period, from, to, zone)} GROUP BY \"zone\"", cancellationToken);
        var rows = new List<SavingsRow>();
        foreach (var series in result.Series)
        {
            var zoneId = series.Tags.GetValueOrDefault("zone") ?? SavingsZones.Unzoned;
            for (var row = 0; row < series.RowCount; row++)
            {
                rows.Add(ReadRow(series, row, LocalDay.DateAt(series.GetTime(row)), zoneId));
            }
        }

        return [.. rows.OrderBy(r => r.Date).ThenBy(r => r.Zone, StringComparer.Ordinal)];
    }

    /// <summary>Each light's row of <paramref name="date"/>, by zone then light.</summary>
    public async Task<IReadOnlyList<LightSavingsRow>> ReadLightsAsync(string municipality, DateOnly date, string? zone, CancellationToken cancellationToken)
    {
        var where = new StringBuilder($"\"municipality\" = {InfluxQl.QuoteString(municipality)}");
        if (zone is not null)
        {
            where.Append(" AND \"zone\" = ").Append(InfluxQl.QuoteString(zone));
        }

        var day = LocalDay.Of(date);
        var result = await influx.QueryAsync(
            $"SELECT * FROM \"{LightMeasurement}\" WHERE {where} AND time >= {InfluxQl.FormatTime(day.Start)} AND time < {InfluxQl.FormatTime(day.End)} GROUP BY \"device\", \"zone\"",
            cancellationToken);
        var rows = new List<LightSavingsRow>();
        foreach (var series in result.Series)
        {
            for (var row = 0; row < series.RowCount; row++)
            {
                rows.Add(new LightSavingsRow(
                    date,
                    series.Tags.GetValueOrDefault("device") ?? string.Empty,
                    series.Tags.GetValueOrDefault("zone") ?? SavingsZones.Unzoned,
                    Number(series, row, "energyKWh"),
                    Number(series, row, "baselineKWh"),
                    Number(series, row, "savedKWh"),
                    Number(series, row, "savedNok"),
                    Number(series, row, "savedCo2Kg"),
                    Number(series, row, "litHours"),
                    Number(series, row, "unknownHours"),
                    Number(series, row, "ratedPowerW"),
                    Enum.TryParse<RatedPowerSource>(series.GetString(row, "ratedPowerSource"), ignoreCase: true, out var source) ? source : RatedPowerSource.Default));
            }
        }

        return [.. rows.OrderBy(r => r.Zone, StringComparer.Ordinal).ThenBy(r => r.Light, StringComparer.Ordinal)];
    }

    private static SavingsRow ReadRow(InfluxSeries series, int row, DateOnly date, string zone) => new(
        date,
        zone,
        Number(series, row, "energyKWh"),
        Number(series, row, "baselineKWh"),
        Number(series, row, "savedKWh"),
        Number(series, row, "savedNok"),
        Number(series, row, "savedCo2Kg"),
        series.GetInt64(row, "lights") ?? 0,
        Number(series, row, "litHours"),
        Number(series, row, "unknownHours"));

    private static double Number(InfluxSeries series, int row, string column) => series.GetDouble(row, column) ?? 0;

    /// <summary>Rows stamped at local midnight of <paramref name="from"/> up to (not including) the midnight after <paramref name="to"/>.</summary>
    private static string Where(string municipality, SavingsPeriod period, DateOnly from, DateOnly to, string? zone)
    {
        var where = new StringBuilder()
            .Append("\"municipality\" = ").Append(InfluxQl.QuoteString(municipality))
            .Append(" AND \"period\" = ").Append(InfluxQl.QuoteString(TagOf(period)));
        if (zone is not null)
        {
            where.Append(" AND \"zone\" = ").Append(InfluxQl.QuoteString(zone));
        }

        return where
            .Append(" AND time >= ").Append(InfluxQl.FormatTime(LocalDay.MidnightOf(from)))
            .Append(" AND time < ").Append(InfluxQl.FormatTime(LocalDay.MidnightOf(to.AddDays(1))))
            .ToString();
    }
}
