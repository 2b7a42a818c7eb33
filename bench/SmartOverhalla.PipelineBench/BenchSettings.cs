using System.Globalization;

namespace SmartOverhalla.PipelineBench;

/// <summary>The benchmark's command line: <c>[--messages N] [--runs R] [--only a,b] [--no-nodered] [--output FILE] ...</c>.</summary>
internal sealed record BenchSettings
{
    public int Messages { get; init; } = 200_000;

    public int Devices { get; init; } = 2_000;

    /// <summary>Messages sent through a consumer before each measured run (not counted), so that its code is compiled and warm.</summary>
    public int Warmup { get; init; } = 20_000;

    public int InFlight { get; init; } = 2_000;

    public int Connections { get; init; } = 4;

    public int Runs { get; init; } = 3;

    public int LatencyRate { get; init; } = 5_000;

    public int LatencySeconds { get; init; } = 20;

    public bool NodeRed { get; init; } = true;

    public IReadOnlySet<string>? Only { get; init; }

    public string Output { get; init; } = Path.Combine("bench", "results", "pipeline.md");

    public bool Includes(string scenario) => Only is null || Only.Contains(scenario);

    public static BenchSettings Parse(IReadOnlyList<string> args)
    {
        var settings = new BenchSettings();
        for (var i = 0; i < args.Count; i++)
        {
            var value = i + 1 < args.Count ? args[i + 1] : null;
            settings = args[i] switch
            {
                "--messages" => settings with { Messages = Number(value, 1_000, 2_000_000) },
                "--warmup" => settings with { Warmup = Number(value, 0, 1_000_000) },
                "--devices" => settings with { Devices = Number(value, 1, 100_000) },
                "--in-flight" => settings with { InFlight = Number(value, 1, 65_535) },
                "--connections" => settings with { Connections = Number(value, 1, 64) },
                "--runs" => settings with { Runs = Number(value, 1, 10) },
                "--latency-rate" => settings with { LatencyRate = Number(value, 100, 50_000) },
                "--latency-seconds" => settings with { LatencySeconds = Number(value, 5, 300) },
                "--only" => settings with { Only = (value ?? throw new ArgumentException("--only needs scenario names")).Split(',').ToHashSet() },
                "--output" => settings with { Output = value ?? throw new ArgumentException("--output needs a file") },
                "--no-nodered" => settings with { NodeRed = false },
                _ => throw new ArgumentException($"Unknown argument {args[i]}"),
            };
            if (args[i] != "--no-nodered")
            {
                i++;
            }
        }

        if (settings.Connections > settings.Devices || settings.InFlight < settings.Connections)
        {
            throw new ArgumentException("--connections must be at most --devices, and --in-flight at least --connections");
        }

        return settings;
    }

    private static int Number(string? text, int min, int max)
    {
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            throw new ArgumentException($"expected a whole number from {min} to {max}, got '{text}'");
        }

        return value;
    }
}
