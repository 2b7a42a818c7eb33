namespace SmartOverhalla.Influx;

/// <summary>
/// Writes points through the InfluxDB v1 HTTP API (<c>POST /write?db=..&amp;rp=..&amp;precision=ns</c>). One call is
/// one request; there are no retries inside (the caller owns its retry policy), only <see cref="InfluxOptions.Timeout"/>.
/// </summary>
public interface IInfluxWriter
{
    /// <summary>Writes <paramref name="points"/> to the configured database and retention policy. An empty list sends nothing.</summary>
    /// <exception cref="InfluxWriteException">The server refused the batch or could not be reached.</exception>
    /// <exception cref="ArgumentException">A point has no fields (nothing was sent).</exception>
    Task WriteAsync(IReadOnlyList<PointData> points, CancellationToken cancellationToken);

    /// <summary>Writes <paramref name="points"/> into <paramref name="retentionPolicy"/> (null: the configured one, else the database default).</summary>
    /// <inheritdoc cref="WriteAsync(IReadOnlyList{PointData}, CancellationToken)"/>
    Task WriteAsync(IReadOnlyList<PointData> points, string? retentionPolicy, CancellationToken cancellationToken);

    /// <summary>
    /// Writes already encoded line protocol (UTF-8, precision ns), e.g. batches replayed from a spool file
    /// written with <see cref="LineProtocolWriter"/>. The bytes are sent as they are.
    /// </summary>
    /// <exception cref="InfluxWriteException">The server refused the batch or could not be reached.</exception>
    Task WriteLineProtocolAsync(ReadOnlyMemory<byte> lineProtocol, string? retentionPolicy, CancellationToken cancellationToken);
}
