using System.Text;
using SmartOverhalla.Gateway.Audit;
using SmartOverhalla.Gateway.Water.Registry;
using SmartOverhalla.Influx;

namespace SmartOverhalla.Gateway.Water.Privacy;

/// <summary>
/// Reads the audit series for the look-ups of a household's meters: entries whose action is one of
/// <see cref="WaterAuditActions.HouseholdLookups"/> and whose target is one of the meters, made while that meter served
/// the address (a meter moved elsewhere later is someone else's household then).
/// </summary>
internal sealed class AccessLogReader(IInfluxQueryClient influx, TimeProvider time)
{
    public async Task<IReadOnlyList<AccessView>> ReadAsync(IReadOnlyList<MeterEntry> meters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(meters);
        if (meters.Count == 0)
        {
            return [];
        }

        var targets = string.Join(" OR ", meters.Select(m => m.Key).Distinct(StringComparer.Ordinal).Select(t => $"\"target\" = {InfluxQl.QuoteString(t)}"));
        var actions = string.Join(" OR ", WaterAuditActions.HouseholdLookups.Select(a => $"\"action\" = {InfluxQl.QuoteString(a)}"));

        // Audit timestamps are made strictly increasing, so the newest may lie a little ahead of the clock.
        var where = new StringBuilder()
            .Append("time >= ").Append(InfluxQl.FormatTime(meters.Min(m => m.From)))
            .Append(" AND time <= ").Append(InfluxQl.FormatTime(time.GetUtcNow().AddMinutes(1)))
            .Append(" AND (").Append(actions).Append(") AND (").Append(targets).Append(')');
        var result = await influx.QueryAsync(
            $"SELECT \"actor\", \"action\", \"target\", \"details\" FROM \"{AuditPoint.Measurement}\" WHERE {where} ORDER BY time ASC",
            cancellationToken);
        var accesses = new List<AccessView>();
        foreach (var series in result.Series)
        {
            for (var row = 0; row < series.RowCount; row++)
            {
                var at = series.GetTime(row);
                var target = series.GetString(row, "target") ?? string.Empty;
                // Named by its meter id, as the answer's list of meters names it (the audit target adds the municipality).
                if (meters.FirstOrDefault(m => m.Key == target && m.CoversInstant(at)) is { } meter)
                {
                    accesses.Add(new AccessView(at, series.GetString(row, "actor") ?? string.Empty, series.GetString(row, "action") ?? string.Empty, meter.MeterId, series.GetString(row, "details")));
                }
            }
        }

        return [.. accesses.OrderBy(a => a.At)];
    }
}
