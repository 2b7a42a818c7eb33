using System.Buffers;
using BenchmarkDotNet.Attributes;
using SmartOverhalla.Influx;

namespace SmartOverhalla.Benchmarks;

/// <summary>
/// Line protocol for one 5,000-point telemetry batch, reported per point (OperationsPerInvoke): encoding points
/// already built, and building + encoding as the ingestion worker does for each batch.
/// </summary>
[MemoryDiagnoser]
public class LineProtocolBenchmarks
{
    private Reading[] _readings = [];
    private PointData[] _points = [];
    private ArrayBufferWriter<byte> _output = new();

    [GlobalSetup]
    public void Setup()
    {
        _readings = TelemetryBatch.CreateReadings();
        _points = [.. _readings.Select(r => TelemetryBatch.ToPoint(r))];
        _output = new ArrayBufferWriter<byte>(1 << 20);
        LineProtocolWriter.Write(_points, _output);

        // Puts the timings in proportion; BenchmarkDotNet copies setup output into its log.
        Console.WriteLine($"// Batch: {TelemetryBatch.Size} points, {_output.WrittenCount} bytes of line protocol, {(double)_output.WrittenCount / TelemetryBatch.Size:0.0} bytes/point");
    }

    [Benchmark(OperationsPerInvoke = TelemetryBatch.Size, Description = "Encode built points")]
    public int Encode()
    {
        _output.ResetWrittenCount();
        LineProtocolWriter.Write(_points, _output);
        return _output.WrittenCount;
    }

    [Benchmark(OperationsPerInvoke = TelemetryBatch.Size, Description = "Build and encode points")]
    public int BuildAndEncode()
    {
        _output.ResetWrittenCount();
        var points = new PointData[_readings.Length];
        for (var i = 0; i < _readings.Length; i++)
        {
            points[i] = TelemetryBatch.ToPoint(_readings[i]);
        }

        LineProtocolWriter.Write(points, _output);
        return _output.WrittenCount;
    }

}
