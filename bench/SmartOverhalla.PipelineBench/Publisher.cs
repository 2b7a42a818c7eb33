using System.Buffers;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using SmartOverhalla.Contracts.Json;
using SmartOverhalla.Contracts.Messages;

namespace SmartOverhalla.PipelineBench;

/// <summary>
/// The publisher process: connects (<see cref="PublisherConnection"/>), prints <c>CONNECTED</c>, publishes at once,
/// and prints its <see cref="PublisherResult"/>; its clock (first publish) is what the throughput is measured from.
/// Device time: as fast as possible, one message per device per 10 ms of device time from an hour ago (distinct
/// points); paced, the wall-clock time the message was due to be published (distinct per device), which the latency
/// measurement compares with when the point became queryable.
/// </summary>
internal static class Publisher
{
    /// <summary>Batched PUBLISH packets are written to the socket once they reach this size.</summary>
    private const int FlushBytes = 32 * 1024;

    public static async Task<int> RunAsync(PublisherSettings settings, CancellationToken cancellationToken)
    {
        var connections = new PublisherConnection[settings.Connections];
        for (var c = 0; c < connections.Length; c++)
        {
            var window = (settings.InFlight / settings.Connections) + (c < settings.InFlight % settings.Connections ? 1 : 0);
            connections[c] = await PublisherConnection.ConnectAsync(settings.Host, settings.Port, $"{settings.ClientPrefix}-{c}", window, cancellationToken);
        }

        Console.WriteLine($"CONNECTED, windows {string.Join(", ", connections.Select(c => c.Window))}");
        var readers = connections.Select(c => Task.Run(() => c.ReadAcknowledgementsAsync(cancellationToken), cancellationToken)).ToArray();
        var clock = TimeProvider.System;
        var origin = clock.GetUtcNow().AddHours(-1);
        var first = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var started = Stopwatch.GetTimestamp();
        var perConnection = Split(settings.Messages, settings.Connections);
        await Task.WhenAll(connections.Select((connection, c) => Task.Run(() => SendAsync(connection, c), cancellationToken)));
        foreach (var connection in connections)
        {
            await connection.DrainAsync(cancellationToken);
        }

        var last = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var failed = connections.Sum(c => c.Failed);
        foreach (var connection in connections)
        {
            await connection.DisposeAsync();
        }

        await Task.WhenAll(readers.Select(r => r.ContinueWith(_ => { }, TaskScheduler.Default)));
        var result = new PublisherResult(first, last, settings.Messages - failed, failed, Environment.CpuUsage.TotalTime.TotalSeconds);
        Console.WriteLine(PublisherResult.Marker + JsonSerializer.Serialize(result));
        return failed == 0 ? 0 : 1;

        async Task SendAsync(PublisherConnection connection, int index)
        {
            // Connection c publishes for devices c, c + C, c + 2C, ... in turn.
            var devices = Enumerable.Range(0, settings.Devices).Where(d => d % settings.Connections == index).ToArray();
            var topics = devices.Select(d => Encoding.UTF8.GetBytes($"smartcity/v1/{settings.Municipality}/streetlight/{PublisherSettings.DeviceId(d)}/telemetry")).ToArray();
            var sequence = new int[devices.Length];
            var lastStamp = new long[devices.Length];
            var buffer = new ArrayBufferWriter<byte>(FlushBytes * 2);
            var payload = new ArrayBufferWriter<byte>(256);
            using var json = new Utf8JsonWriter(payload);
            var count = perConnection[index];
            var ratePerConnection = settings.Rate / (double)settings.Connections;
            for (var i = 0; i < count; i++)
            {
                if (settings.Rate > 0)
                {
                    var dueAt = (long)(i / ratePerConnection * Stopwatch.Frequency);
                    var now = Stopwatch.GetTimestamp() - started;
                    if (dueAt > now)
                    {
                        await connection.FlushAsync(buffer, cancellationToken);
                        await Task.Delay(TimeSpan.FromTicks((dueAt - now) * TimeSpan.TicksPerSecond / Stopwatch.Frequency), clock, cancellationToken);
                    }
                }

                var slot = i % devices.Length;
                var n = sequence[slot]++;
                DateTimeOffset ts;
                if (settings.Rate > 0)
                {
                    // The time the message was due, not when it went out: a publisher stall then shows in the latency
                    // of the messages that waited for it (no coordinated omission).
                    var dueMs = first + (long)(i / ratePerConnection * 1000);
                    lastStamp[slot] = Math.Max(dueMs, lastStamp[slot] + 1);
                    ts = DateTimeOffset.FromUnixTimeMilliseconds(lastStamp[slot]);
                }
                else
                {
                    ts = origin.AddMilliseconds(10L * n);
                }

                payload.ResetWrittenCount();
                json.Reset(payload);
                JsonSerializer.Serialize(
                    json,
                    new StreetlightTelemetry(PublisherSettings.DeviceId(devices[slot]), ts, n % 101, 0.4 * (n % 101), 1000 + (n * 0.001), n % 101 > 0),
                    ContractJsonContext.Default.StreetlightTelemetry);
                await connection.AppendPublishAsync(buffer, topics[slot], payload.WrittenMemory, cancellationToken);
                if (buffer.WrittenCount >= FlushBytes)
                {
                    await connection.FlushAsync(buffer, cancellationToken);
                }
            }

            await connection.FlushAsync(buffer, cancellationToken);
        }
    }

    private static int[] Split(int total, int parts) =>
        [.. Enumerable.Range(0, parts).Select(p => (total / parts) + (p < total % parts ? 1 : 0))];
}
