using System.Text;
using SmartOverhalla.Influx;

namespace SmartOverhalla.Ingestion.Tests.Pipeline;

/// <summary>Stands in for InfluxDB in routing tests (pure logic): up, unreachable, or refusing; records what it was sent.</summary>
internal sealed class FakeInfluxWriter : IInfluxWriter
{
    private readonly Lock _gate = new();
    private readonly List<string> _written = [];

    public volatile bool Unreachable;

    public int Attempts;

    public IReadOnlyList<string> Written
    {
        get
        {
            lock (_gate)
            {
                return [.. _written];
            }
        }
    }

    public Task WriteAsync(IReadOnlyList<PointData> points, CancellationToken cancellationToken) => WriteAsync(points, null, cancellationToken);

    public Task WriteAsync(IReadOnlyList<PointData> points, string? retentionPolicy, CancellationToken cancellationToken) =>
        Write(string.Concat(points.Select(p => LineProtocolWriter.ToLine(p) + "\n")));

    public Task WriteLineProtocolAsync(ReadOnlyMemory<byte> lineProtocol, string? retentionPolicy, CancellationToken cancellationToken) =>
        Write(Encoding.UTF8.GetString(lineProtocol.Span));

    private Task Write(string lines)
    {
        Interlocked.Increment(ref Attempts);
        if (Unreachable)
        {
            throw new InfluxWriteException("no answer (fake)", null, null, isTransient: true);
        }

        lock (_gate)
        {
            _written.Add(lines);
        }

        return Task.CompletedTask;
    }
}
