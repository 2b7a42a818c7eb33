using System.Text;
using SmartOverhalla.Influx;
using SmartOverhalla.Time;
using SmartOverhalla.Water.Balance;

namespace SmartOverhalla.DerivedSeries.Water;

/// <summary>
/// <c>water_balance</c> (default policy, kept): one district's day, stamped at local midnight; tags <c>municipality</c>,
/// <c>district</c>; fields <c>inflowL</c>, <c>consumptionL</c>, <c>lossesL</c>, <c>connections</c> (integer), and when
/// defined <c>lossesPct</c>, <c>lossesPerConnectionL</c>, <c>minNightFlowLph</c>.
/// </summary>
public sealed class WaterBalanceSeries(IInfluxWriter writer, IInfluxQueryClient influx)
{
    public const string Measurement = "water_balance";

    public Task WriteAsync(string municipality, IEnumerable<DistrictDay> days, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(days);
        var points = days.Select(day =>
            {
                var point = PointData.Measurement(Measurement)
                    .Tag("municipality", municipality)
                    .Tag("district", day.District)
                    .Field("inflowL", day.InflowL)
                    .Field("consumptionL", day.ConsumptionL)
                    .Field("lossesL", day.LossesL)
                    .Field("connections", (long)day.Connections)
                    .Timestamp(LocalDay.MidnightOf(day.Date));
                if (day.LossesPercent is { } pct)
                {
                    point = point.Field("lossesPct", pct);
                }

                if (day.LossesPerConnectionL is { } perConnection)
                {
                    point = point.Field("lossesPerConnectionL", perConnection);
                }

                if (day.MinimumNightFlowLph is { } nightFlow)
                {
                    point = point.Field("minNightFlowLph", nightFlow);
                }

                return point;
            })
            .ToList();
        return writer.WriteAsync(points, cancellationToken);
    }

    /// <summary>Days in [<paramref name="from"/>, <paramref name="to"/>] (local dates), by date then district.</summary>
    public async Task<IReadOnlyList<DistrictDay>> ReadAsync(string municipality, DateOnly from, DateOnly to, string? district, CancellationToken cancellationToken)
    {
        var where = new StringBuilder().Append("\"municipality\" = ").Append(InfluxQl.QuoteString(municipality));
        if (district is not null)
        {
            where.Append(" AND \"district\" = ").Append(InfluxQl.QuoteString(district));
        }

        where.Append(" AND time >= ").Append(InfluxQl.FormatTime(LocalDay.MidnightOf(from)))
            .Append(" AND time < ").Append(InfluxQl.FormatTime(LocalDay.MidnightOf(to.AddDays(1))));
        var result = await influx.QueryAsync(
            $"SELECT \"inflowL\", \"consumptionL\", \"connections\", \"minNightFlowLph\" FROM \"{Measurement}\" WHERE {where} GROUP BY \"district\"",
            cancellationToken);
        var days = new List<DistrictDay>();
        foreach (var series in result.Series)
        {
            var districtId = series.Tags.GetValueOrDefault("district") ?? string.Empty;
            for (var row = 0; row < series.RowCount; row++)
            {
                days.Add(new DistrictDay(
                    LocalDay.DateAt(series.GetTime(row)),
                    districtId,
                    series.GetDouble(row, "inflowL") ?? 0,
                    series.GetDouble(row, "consumptionL") ?? 0,
                    (int)(series.GetInt64(row, "connections") ?? 0),
                    series.GetDouble(row, "minNightFlowLph")));
            }
        }

        return [.. days.OrderBy(d => d.Date).ThenBy(d => d.District, StringComparer.Ordinal)];
    }
}
