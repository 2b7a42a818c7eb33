using System.Globalization;
using System.Text;
using SmartOverhalla.Influx;
using SmartOverhalla.Water.Leaks;

namespace SmartOverhalla.DerivedSeries.Water;

/// <summary>
/// <c>water_suspicion</c> (policy <see cref="WaterRetention.HouseholdPolicy"/>, like the household's consumption): one
/// leak or burst suspicion of a household meter, stamped at its start (<see cref="Suspicion.Since"/>), so each update of the same suspicion overwrites its point; tags <c>municipality</c>,
/// <c>district</c>, <c>device</c>, <c>kind</c> (leak/burst); fields <c>source</c> (rule/meterAlarm), <c>ongoing</c>,
/// <c>until</c> (RFC 3339, empty while ongoing), <c>asOf</c> (RFC 3339), <c>rateLph</c>, <c>litresLost</c>.
/// </summary>
public sealed class WaterSuspicionSeries(IInfluxWriter writer, IInfluxQueryClient influx)
{
    public const string Measurement = "water_suspicion";

    /// <summary>
    /// <c>"water_household"."water_suspicion"</c>, as a query's FROM names it: a suspicion names a household's meter, so it
    /// is kept as long as that household's consumption (<see cref="WaterRetention.HouseholdPolicy"/>), not for ever.
    /// </summary>
    public const string From = "\"" + WaterRetention.HouseholdPolicy + "\".\"" + Measurement + "\"";

    /// <summary>How far before a period's start a suspicion may have begun and still be read as overlapping it.</summary>
    public static readonly TimeSpan LongestSuspicion = TimeSpan.FromDays(400);

    public static string TagOf(SuspicionKind kind) => kind == SuspicionKind.Leak ? "leak" : "burst";

    public static string TagOf(SuspicionSource source) => source == SuspicionSource.Rule ? "rule" : "meterAlarm";

    public Task WriteAsync(string municipality, IEnumerable<SuspicionRow> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var points = rows.Select(row => PointData.Measurement(Measurement)
                .Tag("municipality", municipality)
                .Tag("district", row.District)
                .Tag("device", row.Device)
                .Tag("kind", TagOf(row.Suspicion.Kind))
                .Field("source", TagOf(row.Suspicion.Source))
                .Field("ongoing", row.Suspicion.Ongoing)
                .Field("until", row.Suspicion.Until is { } until ? Format(until) : string.Empty)
                .Field("asOf", Format(row.Suspicion.AsOf))
                .Field("rateLph", row.Suspicion.RateLph)
                .Field("litresLost", row.Suspicion.LitresLost)
                .Timestamp(row.Suspicion.Since))
            .ToList();
        return writer.WriteAsync(points, WaterRetention.HouseholdPolicy, cancellationToken);
    }

    /// <summary>
    /// Suspicions that overlap [<paramref name="from"/>, <paramref name="to"/>): started before <paramref name="to"/> and
    /// still ongoing or ended after <paramref name="from"/>; by start, then device.
    /// </summary>
    public async Task<IReadOnlyList<SuspicionRow>> ReadAsync(
        string municipality, DateTimeOffset from, DateTimeOffset to, string? district, CancellationToken cancellationToken)
    {
        var where = new StringBuilder().Append("\"municipality\" = ").Append(InfluxQl.QuoteString(municipality));
        if (district is not null)
        {
            where.Append(" AND \"district\" = ").Append(InfluxQl.QuoteString(district));
        }

        where.Append(" AND time >= ").Append(InfluxQl.FormatTime(from - LongestSuspicion))
            .Append(" AND time < ").Append(InfluxQl.FormatTime(to));
        var result = await influx.QueryAsync(
            $"SELECT \"source\", \"ongoing\", \"until\", \"asOf\", \"rateLph\", \"litresLost\" FROM {From} WHERE {where} GROUP BY \"device\", \"district\", \"kind\"",
            cancellationToken);
        var rows = new List<SuspicionRow>();
        foreach (var series in result.Series)
        {
            var device = series.Tags.GetValueOrDefault("device") ?? string.Empty;
            var districtId = series.Tags.GetValueOrDefault("district") ?? string.Empty;
            var kind = series.Tags.GetValueOrDefault("kind") == "burst" ? SuspicionKind.Burst : SuspicionKind.Leak;
            for (var row = 0; row < series.RowCount; row++)
            {
                var until = Parse(series.GetString(row, "until"));
                if (until is { } end && end <= from)
                {
                    continue;
                }

                var suspicion = new Suspicion(
                    kind,
                    series.GetString(row, "source") == "meterAlarm" ? SuspicionSource.MeterAlarm : SuspicionSource.Rule,
                    series.GetTime(row),
                    until,
                    Parse(series.GetString(row, "asOf")) ?? series.GetTime(row),
                    series.GetDouble(row, "rateLph") ?? 0,
                    series.GetDouble(row, "litresLost") ?? 0);
                rows.Add(new SuspicionRow(device, districtId, suspicion));
            }
        }

        return [.. rows.OrderBy(r => r.Suspicion.Since).ThenBy(r => r.Device, StringComparer.Ordinal)];
    }

    /// <summary>
    /// Deletes the points of <paramref name="rows"/> (by device, kind and start): suspicions that a later computation no
    /// longer finds, or finds with a start moved by late readings, so no stale duplicate stays beside the new point.
    /// </summary>
    public async Task DeleteAsync(string municipality, IReadOnlyCollection<SuspicionRow> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0)
        {
            return;
        }

        // DELETE takes tags and time only, and no retention policy (it deletes from every one); one statement per point,
        // all in one request.
        var statements = rows.Select(row =>
            $"DELETE FROM \"{Measurement}\" WHERE \"municipality\" = {InfluxQl.QuoteString(municipality)} AND \"device\" = {InfluxQl.QuoteString(row.Device)} " +
            $"AND \"kind\" = {InfluxQl.QuoteString(TagOf(row.Suspicion.Kind))} AND time >= {InfluxQl.FormatTime(row.Suspicion.Since)} AND time <= {InfluxQl.FormatTime(row.Suspicion.Since)}");
        await influx.QueryAsync(string.Join("; ", statements), cancellationToken);
    }

    private static string Format(DateTimeOffset instant) => instant.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    private static DateTimeOffset? Parse(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value) ? value : null;
}
