using System.Diagnostics;
using System.Globalization;
using SmartOverhalla.PipelineBench;

// The pipeline benchmark of issue 13 (bench/README.md). Without a verb: starts its own Mosquitto and InfluxDB on
// 127.0.0.1 and measures every scenario side by side (Scenario.All), writing bench/results/pipeline.md.
// "publish ...": the publisher process it starts for each run.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(60), TimeProvider.System);
// Ctrl-C or SIGTERM: cancel, so that every process and server started is stopped and the temp folder removed.
using var interrupt = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGINT, Stop);
using var terminate = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, Stop);
void Stop(System.Runtime.InteropServices.PosixSignalContext context)
{
    context.Cancel = true;
    cancel.Cancel();
}

if (args is ["publish", .. var publishArgs])
{
    return await Publisher.RunAsync(PublisherSettings.Parse(publishArgs), cancel.Token);
}

BenchSettings settings;
try
{
    settings = BenchSettings.Parse(args);
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine(ex.Message);
    Console.Error.WriteLine($"Scenarios: {string.Join(", ", Scenario.All.Select(s => s.Name))}");
    return 2;
}

var ct = cancel.Token;
var startedAt = TimeProvider.System.GetUtcNow();
var clock = Stopwatch.StartNew();
var loadBefore = MachineFacts.LoadAverage();
var results = new BenchResults();
await using (var rig = await BenchRig.StartAsync(ct))
{
    Console.WriteLine($"Mosquitto on port {rig.Mosquitto.Port}, InfluxDB at {rig.Influx.Url}; logs in {rig.Folder}");
    var throughput = new ThroughputScenarios(rig, settings);
    var latency = new LatencyScenario(rig, settings, throughput);
    await using var nodeRed = await NodeRedPeer.PrepareAsync(settings, rig, throughput, ct);
    if (nodeRed.Unavailable is { } reason)
    {
        results.Skipped[Scenario.NodeRed] = reason;
    }

    var runs = new (Scenario Scenario, Func<Task<RunFigures>> Run)[]
    {
        (Scenario.PassThroughMosquitto, () => throughput.PassThroughAsync(embedded: false, ct)),
        (Scenario.PipelineMosquitto, () => throughput.PipelineAsync(embedded: false, instances: 1, ct)),
        (Scenario.PipelineTwoInstances, () => throughput.PipelineAsync(embedded: false, instances: 2, ct)),
        (Scenario.Backlog, () => throughput.BacklogAsync(ct)),
        (Scenario.PassThroughEmbedded, () => throughput.PassThroughAsync(embedded: true, ct)),
        (Scenario.PipelineEmbedded, () => throughput.PipelineAsync(embedded: true, instances: 1, ct)),
        (Scenario.NodeRed, () => nodeRed.RunAsync(ct)),
    };
    try
    {
        for (var run = 1; run <= settings.Runs; run++)
        {
            foreach (var (scenario, measure) in runs.Where(r => settings.Includes(r.Scenario.Name) && !results.Skipped.ContainsKey(r.Scenario)))
            {
                var ticks = MachineFacts.CpuTicks();
                var figures = (await measure()) with { Steal = MachineFacts.StealSince(ticks) };
                results.Add(scenario, figures);
                Console.WriteLine($"run {run} {scenario.Name}: {figures.MessagesPerSecond:N0} msg/s, {figures.Arrived:N0} of {figures.Expected:N0}" +
                    (figures.ConsumerMicrosecondsPerMessage is { } us ? $", consumer {us:F1} µs/msg, peak {figures.Consumer!.Value.PeakRssBytes / 1048576.0:F0} MiB" : string.Empty) +
                    (figures.BrokerMicrosecondsPerMessage is { } b ? $", broker {b:F1} µs/msg" : string.Empty) +
                    (figures.DatabaseMicrosecondsPerMessage is { } d ? $", InfluxDB {d:F1} µs/msg" : string.Empty) +
                    $"; publisher {figures.Publisher.MessagesPerSecond:N0} msg/s, {figures.PublisherMicrosecondsPerMessage:F1} µs/msg; CPU steal {figures.Steal:P0}");
            }

            if (settings.Includes(Scenario.Latency.Name))
            {
                var figures = await latency.RunAsync(ct);
                results.Latency.Add(figures);
                Console.WriteLine($"run {run} latency at {figures.Rate:N0} msg/s: p50 {figures.P50.TotalMilliseconds:N0} ms, p99 {figures.P99.TotalMilliseconds:N0} ms, max {figures.Max.TotalMilliseconds:N0} ms ({figures.Samples:N0} samples)");
            }
        }
    }
    catch
    {
        rig.KeepLogs = true;
        throw;
    }
}

var command = "bench/pipeline.sh" + (args.Length > 0 ? " " + string.Join(' ', args) : string.Empty);
var report = MarkdownReport.Write(results, settings, command, startedAt, clock.Elapsed, loadBefore, MachineFacts.LoadAverage());
Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(settings.Output))!);
await File.WriteAllTextAsync(settings.Output, report, ct);
Console.WriteLine(report);
Console.WriteLine($"Written to {settings.Output}");
var lost = results.Throughput.Values.SelectMany(r => r).Any(r => r.Arrived != r.Expected) || results.Latency.Any(l => l.Stored != l.Messages);
return lost ? 1 : 0;
