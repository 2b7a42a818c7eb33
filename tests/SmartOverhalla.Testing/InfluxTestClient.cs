using Microsoft.Extensions.DependencyInjection;
using SmartOverhalla.Influx;

namespace SmartOverhalla.Testing;

/// <summary>Reads back what a test wrote, through the project's own InfluxDB client.</summary>
public sealed class InfluxTestClient : IDisposable
{
    private readonly ServiceProvider _services;

    public InfluxTestClient(Uri url, string database)
    {
        Url = url;
        Database = database;
        _services = new ServiceCollection()
            .AddLogging()
            .AddInfluxDb(options =>
            {
                options.Url = url;
                options.Database = database;
            })
            .BuildServiceProvider();
        Query = _services.GetRequiredService<IInfluxQueryClient>();
        Schema = _services.GetRequiredService<IInfluxSchemaInitializer>();
        Writer = _services.GetRequiredService<IInfluxWriter>();
    }

    public Uri Url { get; }

    public string Database { get; }

    public IInfluxQueryClient Query { get; }

    public IInfluxSchemaInitializer Schema { get; }

    public IInfluxWriter Writer { get; }

    /// <summary>All rows of <paramref name="influxQl"/>'s first statement, every series concatenated.</summary>
    public async Task<IReadOnlyList<(InfluxSeries Series, int Row)>> RowsAsync(string influxQl, CancellationToken cancellationToken)
    {
        var result = await Query.QueryAsync(influxQl, cancellationToken);
        var rows = new List<(InfluxSeries, int)>();
        foreach (var series in result.Statements[0].Series)
        {
            for (var row = 0; row < series.RowCount; row++)
            {
                rows.Add((series, row));
            }
        }

        return rows;
    }

    /// <summary>
    /// COUNT of <paramref name="field"/> in <paramref name="measurement"/> (0 when there is none yet), in
    /// <paramref name="retentionPolicy"/> (null: the database default; raw water readings are in <c>water_raw</c>).
    /// </summary>
    public async Task<long> CountAsync(string measurement, string field, CancellationToken cancellationToken, string? where = null, string? retentionPolicy = null)
    {
        var from = (retentionPolicy is null ? string.Empty : InfluxQl.QuoteIdentifier(retentionPolicy) + ".") + InfluxQl.QuoteIdentifier(measurement);
        var query = $"SELECT COUNT({InfluxQl.QuoteIdentifier(field)}) FROM {from}" + (where is null ? string.Empty : " WHERE " + where);
        var rows = await RowsAsync(query, cancellationToken);
        return rows.Count == 0 ? 0 : rows[0].Series.GetInt64(rows[0].Row, "count") ?? 0;
    }

    public void Dispose() => _services.Dispose();
}
