namespace SmartOverhalla.Influx;

/// <summary>
/// Writes points through the InfluxDB v1 HTTP API (<c>POST /write?db=..&amp;rp=..&amp;precision=ns</c>). One call is
/// one request; there are no retries inside (the caller owns its retry policy), only <see cref="InfluxOptions.Timeout"/>.
/// </summary>
public interface IInfluxWriter
{
    /// <summary>
    /// Writes <paramref name="points"/> to the configured database: each point whose measurement the retention plan
    /// routes (<see cref="InfluxRetentionPlan.Routes"/>) into its policy, the others into the configured retention policy
    /// (else the database default). One request per policy; an empty list sends nothing.
    /// </summary>
    /// <exception cref="InfluxWriteException">The server refused the batch or could not be reached.</exception>
    /// <exception cref="ArgumentException">A point has no fields (nothing was sent).</exception>
    Task WriteAsync(IReadOnlyList<PointData> points, CancellationToken cancellationToken);

    /// <summary>
    /// Writes <paramref name="points"/> into <paramref name="retentionPolicy"/>, all of them, in one request; null routes
    /// them as <see cref="WriteAsync(IReadOnlyList{PointData}, CancellationToken)"/> does.
    /// </summary>
    /// <remarks>
    /// With several policies, a transient failure ends the call (requests sent before it are stored); a refusal of one
    /// policy's request is thrown after the others were sent. Calling again with the same points is harmless: they
    /// overwrite themselves. A point older than its policy's duration is refused by InfluxDB 1.x with
    /// "partial write: points beyond retention policy dropped=N" (400, not transient; the other points are stored).
    /// </remarks>
    /// <inheritdoc cref="WriteAsync(IReadOnlyList{PointData}, CancellationToken)"/>
    Task WriteAsync(IReadOnlyList<PointData> points, string? retentionPolicy, CancellationToken cancellationToken);

    /// <summary>
    /// Writes already encoded line protocol (UTF-8, precision ns), e.g. batches replayed from a spool file
    /// written with <see cref="LineProtocolWriter"/>. The bytes are sent as they are, in one request, into
    /// <paramref name="retentionPolicy"/> (null: the configured one, else the database default): they are not routed, so a
    /// caller that keeps line protocol for later keeps each line's policy with it (<see cref="InfluxRetentionRouting.Split"/>).
    /// </summary>
    /// <exception cref="InfluxWriteException">The server refused the batch or could not be reached.</exception>
    Task WriteLineProtocolAsync(ReadOnlyMemory<byte> lineProtocol, string? retentionPolicy, CancellationToken cancellationToken);
}
