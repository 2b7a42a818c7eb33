using SmartOverhalla.Testing;

namespace SmartOverhalla.PipelineBench;

/// <summary>
/// Publish-to-queryable latency at a fixed rate through Mosquitto and one worker. The publisher stamps every message
/// with the wall-clock time it publishes it (distinct per device). While it runs, InfluxDB is asked every
/// <see cref="PollInterval"/> for the newest point of each probe device (the first 100 of the device ids); afterwards
/// every probe point is matched with the first poll that saw it (or a later point of its device): latency = the time
/// that poll's answer came back − the time the message was due to be published. Points of one device are stored in order (one connection, one queue), so a
/// later point being queryable means the earlier ones are. Resolution: the poll interval plus one query.
/// </summary>
internal sealed class LatencyScenario(BenchRig rig, BenchSettings settings, ThroughputScenarios throughput)
{
    private const string ProbePattern = "/^pb-000/";
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(25);

    public async Task<LatencyFigures> RunAsync(CancellationToken cancellationToken)
    {
        var folder = rig.RunFolder("latency-mosquitto");
        var messages = settings.LatencyRate * settings.LatencySeconds;
        var database = await rig.NewDatabaseAsync(cancellationToken);
        var id = "smartoverhalla-ingestion-bench-" + Guid.NewGuid().ToString("N")[..6];
        await using var worker = await rig.StartWorkerAsync(rig.MosquittoBroker, database, id, null, folder, cancellationToken);
        using var store = new InfluxTestClient(rig.Influx.Url, database);
        await throughput.WarmUpAsync(rig.MosquittoBroker, folder, cancellationToken, store);
        var before = worker.Sample();
        var publisher = rig.Publisher(rig.MosquittoBroker, messages, settings.Devices, settings.InFlight, settings.Connections, settings.LatencyRate);
        var publishing = PublisherProcess.RunAsync(publisher, folder, TimeSpan.FromSeconds(settings.LatencySeconds * 3), cancellationToken);

        var polls = new List<(long AtMs, Dictionary<string, long> NewestMs)>();
        var clock = TimeProvider.System;
        var until = clock.GetUtcNow() + TimeSpan.FromSeconds((settings.LatencySeconds * 3) + 60);
        while (!publishing.IsCompleted || polls.Count == 0 || !await AllStoredAsync(store, messages, cancellationToken))
        {
            if (clock.GetUtcNow() > until)
            {
                throw new TimeoutException($"Not every point was stored within {settings.LatencySeconds * 3 + 60} s; logs in {folder}");
            }

            // Stamped when the answer is back: a point that became queryable while the query ran is not credited with
            // a time before it was (the resolution is the poll interval plus one query, never in our favour).
            var newest = await NewestPerProbeAsync(store, cancellationToken);
            polls.Add((clock.GetUtcNow().ToUnixTimeMilliseconds(), newest));
            await Task.Delay(PollInterval, clock, cancellationToken);
        }

        var last = await NewestPerProbeAsync(store, cancellationToken);
        polls.Add((clock.GetUtcNow().ToUnixTimeMilliseconds(), last));
        var published = await publishing;
        var workerFigures = worker.Sample().Since(before);
        await ThroughputScenarios.StopCheckedAsync([worker]);
        await BenchRig.ForgetSessionAsync(rig.MosquittoBroker, id, cancellationToken);

        var latencies = new List<long>();
        var rows = await store.RowsAsync($"SELECT \"dimLevel\" FROM \"streetlight\" WHERE \"device\" =~ {ProbePattern} GROUP BY \"device\"", cancellationToken);
        foreach (var (series, row) in rows)
        {
            var device = series.Tags["device"];
            var pointMs = series.GetTimeNanoseconds(row) / 1_000_000;
            if (pointMs < published.FirstPublishUnixMs)
            {
                continue; // A warm-up point (device time an hour ago).
            }

            var seen = polls.First(p => p.NewestMs.GetValueOrDefault(device, long.MinValue) >= pointMs);
            latencies.Add(Math.Max(0, seen.AtMs - pointMs));
        }

        if (latencies.Count == 0)
        {
            throw new InvalidOperationException($"No probe points were stored; logs in {folder}");
        }

        latencies.Sort();
        var stored = await store.CountAsync("streetlight", "dimLevel", cancellationToken) - settings.Warmup;
        await rig.DropDatabaseAsync(database, cancellationToken);
        return new LatencyFigures(
            settings.LatencyRate, messages, latencies.Count, Percentile(latencies, 0.50), Percentile(latencies, 0.99), TimeSpan.FromMilliseconds(latencies[^1]), stored, workerFigures);
    }

    private async Task<bool> AllStoredAsync(InfluxTestClient store, int messages, CancellationToken cancellationToken) =>
        await store.CountAsync("streetlight", "dimLevel", cancellationToken) >= settings.Warmup + messages;

    private static async Task<Dictionary<string, long>> NewestPerProbeAsync(InfluxTestClient store, CancellationToken cancellationToken)
    {
        var newest = new Dictionary<string, long>();
        var rows = await store.RowsAsync($"SELECT LAST(\"dimLevel\") FROM \"streetlight\" WHERE \"device\" =~ {ProbePattern} GROUP BY \"device\"", cancellationToken);
        foreach (var (series, row) in rows)
        {
            newest[series.Tags["device"]] = series.GetTimeNanoseconds(row) / 1_000_000;
        }

        return newest;
    }

    private static TimeSpan Percentile(List<long> sorted, double p) =>
        TimeSpan.FromMilliseconds(sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)]);
}
