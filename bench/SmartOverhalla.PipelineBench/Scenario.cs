namespace SmartOverhalla.PipelineBench;

/// <summary>A scenario's name on the command line (<c>--only</c>) and its row label in the results.</summary>
internal sealed record Scenario(string Name, string Label)
{
    public static readonly Scenario PassThroughMosquitto = new("passthrough-mosquitto", "Mosquitto → plain subscriber (the ceiling)");
    public static readonly Scenario PipelineMosquitto = new("pipeline-mosquitto", "Mosquitto → ingestion → InfluxDB");
    public static readonly Scenario PipelineTwoInstances = new("pipeline-mosquitto-x2", "Mosquitto → 2 ingestion instances (shared subscription) → InfluxDB");
    public static readonly Scenario Backlog = new("backlog-mosquitto", "backlog at Mosquitto, worker started after the publish → InfluxDB");
    public static readonly Scenario PassThroughEmbedded = new("passthrough-embedded", "embedded broker → plain subscriber");
    public static readonly Scenario PipelineEmbedded = new("pipeline-embedded", "embedded broker → ingestion → InfluxDB");
    public static readonly Scenario NodeRed = new("nodered", "Mosquitto → Node-RED flow → InfluxDB");
    public static readonly Scenario Latency = new("latency", "publish-to-queryable latency at a fixed rate (Mosquitto, one worker)");

    public static IReadOnlyList<Scenario> All { get; } =
        [PassThroughMosquitto, PipelineMosquitto, PipelineTwoInstances, Backlog, PassThroughEmbedded, PipelineEmbedded, NodeRed, Latency];
}
