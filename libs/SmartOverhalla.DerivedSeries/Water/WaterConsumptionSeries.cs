using System.Text;
using SmartOverhalla.Influx;

namespace SmartOverhalla.DerivedSeries.Water;

/// <summary>
/// Consumption computed from meter registers. <c>water_meter_consumption</c> (retention policy
/// <see cref="WaterRetention.HouseholdPolicy"/>, personal data): one meter's period, tags <c>municipality</c>,
/// <c>district</c>, <c>device</c>, <c>period</c> (hour/day/month); fields <c>litres</c>, <c>estimatedL</c>.
/// <c>water_district_consumption</c> (default policy, kept): a district's households summed, tags <c>municipality</c>,
/// <c>district</c>, <c>period</c>; fields <c>litres</c>, <c>estimatedL</c>, <c>meters</c> (integer). Every point is stamped
/// at the start of its period (the hour, local midnight, local midnight of the month's first day), so computing a
/// period again overwrites its point instead of adding to it. No address or name is ever part of either series.
/// </summary>
public sealed class WaterConsumptionSeries(IInfluxWriter writer, IInfluxQueryClient influx)
{
    public const string MeterMeasurement = "water_meter_consumption";
    public const string DistrictMeasurement = "water_district_consumption";

    public Task WriteMetersAsync(string municipality, WaterPeriod period, IEnumerable<MeterConsumptionRow> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var points = rows.Select(row => PointData.Measurement(MeterMeasurement)
                .Tag("municipality", municipality)
                .Tag("district", row.District)
                .Tag("device", row.Device)
                .Tag("period", WaterPeriods.TagOf(period))
                .Field("litres", row.Litres)
                .Field("estimatedL", row.EstimatedL)
                .Timestamp(row.Start))
            .ToList();
        return writer.WriteAsync(points, WaterRetention.HouseholdPolicy, cancellationToken);
    }

    public Task WriteDistrictsAsync(string municipality, WaterPeriod period, IEnumerable<DistrictConsumptionRow> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var points = rows.Select(row => PointData.Measurement(DistrictMeasurement)
                .Tag("municipality", municipality)
                .Tag("district", row.District)
                .Tag("period", WaterPeriods.TagOf(period))
                .Field("litres", row.Litres)
                .Field("estimatedL", row.EstimatedL)
                .Field("meters", row.Meters)
                .Timestamp(row.Start))
            .ToList();
        return writer.WriteAsync(points, cancellationToken);
    }

    /// <summary>One meter's rows of <paramref name="period"/> starting in [<paramref name="from"/>, <paramref name="to"/>), oldest first.</summary>
    public async Task<IReadOnlyList<MeterConsumptionRow>> ReadMeterAsync(
        string municipality, string device, WaterPeriod period, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var where = Where(municipality, period, from, to, district: null).Append(" AND \"device\" = ").Append(InfluxQl.QuoteString(device));
        var result = await influx.QueryAsync(
            $"SELECT \"litres\", \"estimatedL\" FROM \"{WaterRetention.HouseholdPolicy}\".\"{MeterMeasurement}\" WHERE {where} GROUP BY \"district\"",
            cancellationToken);
        var rows = new List<MeterConsumptionRow>();
        foreach (var series in result.Series)
        {
            var district = series.Tags.GetValueOrDefault("district") ?? string.Empty;
            for (var row = 0; row < series.RowCount; row++)
            {
                rows.Add(new MeterConsumptionRow(series.GetTime(row), device, district, Number(series, row, "litres"), Number(series, row, "estimatedL")));
            }
        }

        return [.. rows.OrderBy(r => r.Start)];
    }

    /// <summary>Districts' rows of <paramref name="period"/> starting in [<paramref name="from"/>, <paramref name="to"/>), by start then district.</summary>
    public async Task<IReadOnlyList<DistrictConsumptionRow>> ReadDistrictsAsync(
        string municipality, WaterPeriod period, DateTimeOffset from, DateTimeOffset to, string? district, CancellationToken cancellationToken)
    {
        var result = await influx.QueryAsync(
            $"SELECT \"litres\", \"estimatedL\", \"meters\" FROM \"{DistrictMeasurement}\" WHERE {Where(municipality, period, from, to, district)} GROUP BY \"district\"",
            cancellationToken);
        var rows = new List<DistrictConsumptionRow>();
        foreach (var series in result.Series)
        {
            var districtId = series.Tags.GetValueOrDefault("district") ?? string.Empty;
            for (var row = 0; row < series.RowCount; row++)
            {
                rows.Add(new DistrictConsumptionRow(
                    series.GetTime(row), districtId, Number(series, row, "litres"), Number(series, row, "estimatedL"), series.GetInt64(row, "meters") ?? 0));
            }
        }

        return [.. rows.OrderBy(r => r.Start).ThenBy(r => r.District, StringComparer.Ordinal)];
    }

    /// <summary>
    /// Each meter's day rows in <paramref name="district"/> from <paramref name="from"/> to <paramref name="to"/> summed
    /// (one statement, grouped by device), stamped at <paramref name="from"/>: a month's rows are exactly the sum of its days.
    /// </summary>
    public async Task<IReadOnlyList<MeterConsumptionRow>> SumOfMeterDaysAsync(
        string municipality, string district, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var result = await influx.QueryAsync(
            $"SELECT sum(\"litres\") AS \"litres\", sum(\"estimatedL\") AS \"estimatedL\" FROM \"{WaterRetention.HouseholdPolicy}\".\"{MeterMeasurement}\" " +
            $"WHERE {Where(municipality, WaterPeriod.Day, from, to, district)} GROUP BY \"device\"",
            cancellationToken);
        return [.. result.Series
            .Where(s => s.RowCount > 0 && s.Tags.ContainsKey("device"))
            .Select(s => new MeterConsumptionRow(from, s.Tags["device"], district, Number(s, 0, "litres"), Number(s, 0, "estimatedL")))
            .OrderBy(r => r.Device, StringComparer.Ordinal)];
    }

    private static double Number(InfluxSeries series, int row, string column) => series.GetDouble(row, column) ?? 0;

    private static StringBuilder Where(string municipality, WaterPeriod period, DateTimeOffset from, DateTimeOffset to, string? district)
    {
        var where = new StringBuilder()
            .Append("\"municipality\" = ").Append(InfluxQl.QuoteString(municipality))
            .Append(" AND \"period\" = ").Append(InfluxQl.QuoteString(WaterPeriods.TagOf(period)));
        if (district is not null)
        {
            where.Append(" AND \"district\" = ").Append(InfluxQl.QuoteString(district));
        }

        return where
            .Append(" AND time >= ").Append(InfluxQl.FormatTime(from))
            .Append(" AND time < ").Append(InfluxQl.FormatTime(to));
    }
}
