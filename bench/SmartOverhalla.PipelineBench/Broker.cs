namespace SmartOverhalla.PipelineBench;

/// <summary>An MQTT broker a scenario runs on: where it listens, the worker's login on it, and its process (if measured).</summary>
internal sealed record Broker(string Name, string Host, int Port, string? WorkerUsername, string? WorkerPassword, ServiceProcess? Process);
