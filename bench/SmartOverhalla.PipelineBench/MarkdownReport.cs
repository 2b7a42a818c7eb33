using System.Globalization;
using System.Text;

namespace SmartOverhalla.PipelineBench;

/// <summary>Writes <see cref="BenchResults"/> as the Markdown results file (bench/results/pipeline.md).</summary>
internal static class MarkdownReport
{
    public static string Write(BenchResults results, BenchSettings settings, string command, DateTimeOffset startedAt, TimeSpan took, string loadBefore, string loadAfter)
    {
        var text = new StringBuilder();
        Line(text, "# Pipeline benchmark: broker pass-through, ingestion, embedded broker, Node-RED (issue 13)");
        Line(text);
        Line(text, $"- Date: {startedAt:yyyy-MM-dd HH:mm} UTC; the run took {took.TotalMinutes:F1} min.");
        foreach (var fact in MachineFacts.Describe())
        {
            Line(text, $"- {fact}");
        }

        Line(text, $"- Load average (1, 5, 15 min) before: {loadBefore}; after: {loadAfter}.");
        Line(text, $"- Command: `{command}`" + (BenchRig.WorkerOverrides() is { Count: > 0 } overrides
            ? "; worker settings changed for this run: " + string.Join(", ", overrides.Select(o => $"`{o.Key}={o.Value}`"))
            : "; worker settings as shipped."));
        Line(text, $"- Load: {settings.Messages:N0} street-light messages (~118 bytes, QoS 1) per run from {settings.Devices:N0} device ids, one publisher " +
            $"process (MQTT 5 written directly on the socket) with {settings.Connections} connections and {settings.InFlight:N0} messages in flight, " +
            $"after {settings.Warmup:N0} warm-up messages through the same consumer (not counted); fresh database and a new worker session per run; " +
            $"{settings.Runs} runs of each, interleaved (run 1 of every scenario, then run 2, ...). Everything on 127.0.0.1 of this machine.");
        Line(text);
        Line(text, "## Throughput");
        Line(text);
        Line(text, "msg/s = messages / (last one received or stored − first publish); stored = counted in InfluxDB at the end. " +
            "CPU per message = the consumer process's user + system CPU time during the run / messages; peak RSS = its VmHWM (per instance). " +
            "CPU steal = the share of the machine's CPU time the hypervisor gave to other guests during a run (`/proc/stat`). A host may also slow " +
            "a virtual machine without reporting steal: then every process's CPU per message rises at once in that run, which is why the medians count.");
        Line(text);
        Line(text, "| path | msg/s (min / median / max) | arrived | consumer peak RSS | consumer CPU µs/msg (median) | broker CPU µs/msg (median) | InfluxDB CPU µs/msg (median) | publisher msg/s, CPU µs/msg (median) | CPU steal (max) |");
        Line(text, "|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var (scenario, runs) in results.Throughput)
        {
            var rates = runs.Select(r => r.MessagesPerSecond).Order().ToArray();
            var arrived = runs.All(r => r.Arrived == r.Expected) ? "all" : string.Join(", ", runs.Select(r => $"{r.Arrived:N0} of {r.Expected:N0}"));
            var rss = runs.Any(r => r.Consumer is not null) ? $"{runs.Max(r => r.Consumer?.PeakRssBytes ?? 0) / 1024.0 / 1024.0:F0} MiB" : "–";
            Line(text, $"| {scenario.Label} | {rates[0]:N0} / {BenchResults.Median(rates):N0} / {rates[^1]:N0} | {arrived} | {rss} | " +
                $"{MedianOf(runs.Select(r => r.ConsumerMicrosecondsPerMessage))} | {MedianOf(runs.Select(r => r.BrokerMicrosecondsPerMessage))} | {MedianOf(runs.Select(r => r.DatabaseMicrosecondsPerMessage))} | " +
                $"{BenchResults.Median(runs.Select(r => r.Publisher.MessagesPerSecond)):N0}, {BenchResults.Median(runs.Select(r => r.PublisherMicrosecondsPerMessage)):F1} | {runs.Max(r => r.Steal):P0} |");
        }

        foreach (var (scenario, reason) in results.Skipped)
        {
            Line(text, $"| {scenario.Label} | not measured: {reason} | | | | | | | |");
        }

        Line(text);
        Ratios(text, results);
        if (results.Latency.Count > 0)
        {
            Line(text);
            Line(text, "## Publish-to-queryable latency");
            Line(text);
            Line(text, $"The publisher paced at a fixed rate for {settings.LatencySeconds} s; every message of 100 probe devices timed from when it was due " +
                "to be published to the return of the first poll of InfluxDB (every 25 ms) that showed it.");
            Line(text);
            Line(text, "| run | rate | messages | stored | samples | p50 | p99 | max | worker CPU µs/msg | worker peak RSS |");
            Line(text, "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
            var run = 0;
            foreach (var l in results.Latency)
            {
                Line(text, $"| {++run} | {l.Rate:N0} msg/s | {l.Messages:N0} | {l.Stored:N0} | {l.Samples:N0} | {l.P50.TotalMilliseconds:N0} ms | {l.P99.TotalMilliseconds:N0} ms | " +
                    $"{l.Max.TotalMilliseconds:N0} ms | {l.WorkerMicrosecondsPerMessage:F1} | {l.Worker.PeakRssBytes / 1024.0 / 1024.0:F0} MiB |");
            }
        }

        Line(text);
        Line(text, "## Reading");
        Line(text);
        Line(text, "Where the CPU of each message goes, the worker's profile, what was changed and what remains: " +
            "[pipeline-profile.md](pipeline-profile.md). Every part runs on the same two cores here, so the sum of the CPU columns " +
            "(publisher + broker + consumer + InfluxDB) per message sets the pipeline's ceiling: " +
            $"{Environment.ProcessorCount:N0} × 1,000,000 µs a second / that sum. Duplicates cannot show in a count: device timestamps are distinct per " +
            "message, so a message stored twice overwrites itself; the fault tests (`tests/SmartOverhalla.FaultTests`) audit every point per device and timestamp.");
        return text.ToString();
    }

    private static void Ratios(StringBuilder text, BenchResults results)
    {
        Line(text, "Ratios of the medians:");
        Line(text);
        Ratio(text, results, Scenario.PipelineMosquitto, Scenario.PassThroughMosquitto, "pipeline / Mosquitto pass-through");
        Ratio(text, results, Scenario.PipelineEmbedded, Scenario.PassThroughEmbedded, "pipeline on the embedded broker / its pass-through");
        Ratio(text, results, Scenario.PassThroughEmbedded, Scenario.PassThroughMosquitto, "embedded broker pass-through / Mosquitto pass-through");
        Ratio(text, results, Scenario.PipelineMosquitto, Scenario.NodeRed, "pipeline / Node-RED flow");
        Ratio(text, results, Scenario.PipelineTwoInstances, Scenario.PipelineMosquitto, "two instances / one instance");
        Ratio(text, results, Scenario.Backlog, Scenario.PipelineMosquitto, "backlog drain / live pipeline");
    }

    private static void Ratio(StringBuilder text, BenchResults results, Scenario part, Scenario whole, string label)
    {
        if (results.MedianRate(part) is { } p && results.MedianRate(whole) is { } w)
        {
            Line(text, $"- {label}: {p / w:P0}");
        }
    }

    private static string MedianOf(IEnumerable<double?> values)
    {
        var present = values.OfType<double>().ToArray();
        return present.Length == 0 ? "–" : BenchResults.Median(present).ToString("F1", CultureInfo.InvariantCulture);
    }

    private static void Line(StringBuilder text, string line = "") => text.Append(CultureInfo.InvariantCulture, $"{line}\n");
}
