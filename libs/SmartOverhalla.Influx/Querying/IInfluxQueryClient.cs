namespace SmartOverhalla.Influx;

/// <summary>
/// Runs InfluxQL through the InfluxDB v1 HTTP API (<c>/query</c>) against the configured database. Reads
/// (<c>SELECT</c> without <c>INTO</c>, <c>SHOW</c>) go as GET, everything else as POST, as the API requires.
/// Times come back as integer nanoseconds (<c>epoch=ns</c>): exact, and no date parsing; see
/// <see cref="InfluxSeries.GetTime"/>. Build queries from input only with <see cref="InfluxQl"/>.
/// </summary>
public interface IInfluxQueryClient
{
    /// <summary>Runs <paramref name="influxQl"/> (one or more statements separated by <c>;</c>).</summary>
    /// <exception cref="InfluxQueryException">The request failed or a statement returned an error.</exception>
    Task<InfluxQueryResult> QueryAsync(string influxQl, CancellationToken cancellationToken);
}
