namespace SmartOverhalla.PipelineBench;

/// <summary>Everything one benchmark run measured, in the order the scenarios ran.</summary>
internal sealed class BenchResults
{
    public Dictionary<Scenario, List<RunFigures>> Throughput { get; } = [];

    public List<LatencyFigures> Latency { get; } = [];

    /// <summary>Why a scenario has no figures (e.g. Node-RED's packages did not install).</summary>
    public Dictionary<Scenario, string> Skipped { get; } = [];

    public void Add(Scenario scenario, RunFigures figures)
    {
        if (!Throughput.TryGetValue(scenario, out var runs))
        {
            Throughput[scenario] = runs = [];
        }

        runs.Add(figures);
    }

    public double? MedianRate(Scenario scenario) =>
        Throughput.TryGetValue(scenario, out var runs) ? Median(runs.Select(r => r.MessagesPerSecond)) : null;

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
