using SmartOverhalla.Testing;

namespace SmartOverhalla.PipelineBench;

/// <summary>
/// The throughput scenarios, one run each: the same publisher process (QoS 1, many device ids, a wide in-flight
/// window, full speed) into a broker, and one consumer: a plain subscriber, the ingestion worker (one or two
/// instances), or the Node-RED flow. Throughput is the expected count over the time from the first publish to the
/// last message received (subscriber) or stored (pipelines: counted in InfluxDB).
/// </summary>
internal sealed class ThroughputScenarios(BenchRig rig, BenchSettings settings)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(3);

    /// <summary>The broker's ceiling: publisher → broker → mosquitto_sub.</summary>
    public async Task<RunFigures> PassThroughAsync(bool embedded, CancellationToken cancellationToken)
    {
        var folder = rig.RunFolder(embedded ? "passthrough-embedded" : "passthrough-mosquitto");
        var broker = embedded ? await rig.StartGatewayAsync(folder, cancellationToken) : rig.MosquittoBroker;
        try
        {
            await using var subscriber = await PlainSubscriber.StartAsync(broker.Host, broker.Port, BenchRig.TelemetryFilter, settings.Warmup + settings.Messages, folder, cancellationToken);
            await WarmUpAsync(broker, folder, cancellationToken);
            await Eventually.UntilAsync(() => subscriber.Received() >= settings.Warmup, Deadline, "the warm-up messages to reach mosquitto_sub", cancellationToken);
            var brokerBefore = broker.Sample();
            var published = await PublisherProcess.RunAsync(Publisher(broker, rate: 0), folder, Deadline, cancellationToken);
            var receivedAt = await subscriber.WaitForAllAsync(Deadline, cancellationToken);
            var arrived = subscriber.Received() - settings.Warmup;
            return new RunFigures(Rate(settings.Messages, published.FirstPublishUnixMs, receivedAt), arrived, settings.Messages, published, Broker: Since(broker, brokerBefore));
        }
        finally
        {
            await StopAsync(broker.Process);
        }
    }

    /// <summary>publisher → broker → <paramref name="instances"/> ingestion workers → InfluxDB, every point counted.</summary>
    public async Task<RunFigures> PipelineAsync(bool embedded, int instances, CancellationToken cancellationToken)
    {
        var folder = rig.RunFolder(embedded ? "pipeline-embedded" : $"pipeline-mosquitto-x{instances}");
        var broker = embedded ? await rig.StartGatewayAsync(folder, cancellationToken) : rig.MosquittoBroker;
        var workers = new List<ServiceProcess>();
        var database = await rig.NewDatabaseAsync(cancellationToken);
        try
        {
            var group = instances > 1 ? "bench-" + Guid.NewGuid().ToString("N")[..6] : null;
            var id = "smartoverhalla-ingestion-bench-" + Guid.NewGuid().ToString("N")[..6];
            for (var i = 0; i < instances; i++)
            {
                workers.Add(await rig.StartWorkerAsync(broker, database, $"{id}-{i}", group, folder, cancellationToken));
            }

            using var store = new InfluxTestClient(rig.Influx.Url, database);
            await WarmUpAsync(broker, folder, cancellationToken, store);
            var before = workers.Select(w => w.Sample()).ToArray();
            var brokerBefore = broker.Sample();
            var databaseBefore = rig.SampleDatabase();
            var publishing = PublisherProcess.RunAsync(Publisher(broker, rate: 0), folder, Deadline, cancellationToken);
            var (storedAt, total) = await StoredCount.WaitAsync(store, settings.Warmup + settings.Messages, Deadline, cancellationToken);
            var count = total - settings.Warmup;
            var published = await publishing;
            var consumer = Sum(workers.Select((w, i) => w.Sample().Since(before[i])));
            var figures = new RunFigures(
                storedAt is { } at ? Rate(settings.Messages, published.FirstPublishUnixMs, at) : 0, count, settings.Messages, published, consumer, Since(broker, brokerBefore), Since(rig.SampleDatabase(), databaseBefore));
            await StopCheckedAsync(workers);
            return figures;
        }
        finally
        {
            foreach (var worker in workers)
            {
                await worker.DisposeAsync();
                if (broker.Process is null)
                {
                    await BenchRig.ForgetSessionAsync(broker, worker.Name, cancellationToken);
                }
            }

            await StopAsync(broker.Process);
            await rig.DropDatabaseAsync(database, cancellationToken);
        }
    }

    /// <summary>
    /// A backlog at the broker: the worker subscribes (a persistent session), stops, every message is published to its
    /// session while it is away, and it starts again. Throughput is from its start to the last point stored.
    /// </summary>
    public async Task<RunFigures> BacklogAsync(CancellationToken cancellationToken)
    {
        var folder = rig.RunFolder("backlog-mosquitto");
        var broker = rig.MosquittoBroker;
        var database = await rig.NewDatabaseAsync(cancellationToken);
        var id = "smartoverhalla-ingestion-bench-" + Guid.NewGuid().ToString("N")[..6];
        await (await rig.StartWorkerAsync(broker, database, id, null, folder, cancellationToken)).DisposeAsync();
        var published = await PublisherProcess.RunAsync(Publisher(broker, rate: 0), folder, Deadline, cancellationToken);
        var startedAt = TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds();
        await using var worker = await rig.StartWorkerAsync(broker, database, id, null, folder, cancellationToken);
        using var store = new InfluxTestClient(rig.Influx.Url, database);
        var (storedAt, count) = await StoredCount.WaitAsync(store, settings.Messages, Deadline, cancellationToken);
        var figures = new RunFigures(storedAt is { } at ? Rate(settings.Messages, startedAt, at) : 0, count, settings.Messages, published, worker.Sample());
        await StopCheckedAsync([worker]);
        await BenchRig.ForgetSessionAsync(broker, id, cancellationToken);
        await rig.DropDatabaseAsync(database, cancellationToken);
        return figures;
    }

    /// <summary>
    /// Sends <see cref="BenchSettings.Warmup"/> messages through the consumer first (and, given <paramref name="store"/>,
    /// waits until they are stored), so that the measured run sees compiled, warm code as in a service that has run a while.
    /// </summary>
    internal async Task WarmUpAsync(Broker broker, string folder, CancellationToken cancellationToken, InfluxTestClient? store = null)
    {
        if (settings.Warmup == 0)
        {
            return;
        }

        var warmup = rig.Publisher(broker, settings.Warmup, settings.Devices, settings.InFlight, settings.Connections, rate: 0);
        await PublisherProcess.RunAsync(warmup, folder, Deadline, cancellationToken);
        if (store is not null && (await StoredCount.WaitAsync(store, settings.Warmup, Deadline, cancellationToken)).ReachedAtUnixMs is null)
        {
            throw new InvalidOperationException($"The {settings.Warmup:N0} warm-up messages were not all stored within {Deadline}; logs in {folder}");
        }
    }

    private PublisherSettings Publisher(Broker broker, int rate) =>
        rig.Publisher(broker, settings.Messages, settings.Devices, settings.InFlight, settings.Connections, rate);

    private static double Rate(int messages, long fromUnixMs, long toUnixMs) => messages * 1000.0 / Math.Max(1, toUnixMs - fromUnixMs);

    private static ProcessSample? Since(Broker broker, ProcessSample? before) => Since(broker.Sample(), before);

    private static ProcessSample? Since(ProcessSample? now, ProcessSample? before) =>
        now is { } n && before is { } b ? n.Since(b) : null;

    private static ProcessSample Sum(IEnumerable<ProcessSample> samples) =>
        samples.Aggregate(new ProcessSample(TimeSpan.Zero, 0), (sum, s) => new ProcessSample(sum.Cpu + s.Cpu, Math.Max(sum.PeakRssBytes, s.PeakRssBytes)));

    /// <summary>Stops the workers cleanly and fails the run if any logged an error.</summary>
    internal static async Task StopCheckedAsync(IEnumerable<ServiceProcess> workers)
    {
        foreach (var worker in workers)
        {
            await worker.StopAsync();
            if (worker.ErrorLines() is [var first, ..])
            {
                throw new InvalidOperationException($"{worker.Name} logged an error: {first} (log: {worker.LogFile})");
            }
        }
    }

    private static async Task StopAsync(ServiceProcess? process)
    {
        if (process is not null)
        {
            await process.DisposeAsync();
        }
    }
}
