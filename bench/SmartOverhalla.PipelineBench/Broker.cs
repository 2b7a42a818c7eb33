namespace SmartOverhalla.PipelineBench;

/// <summary>
/// An MQTT broker a scenario runs on: where it listens, the worker's login on it, its PID (to sample its CPU), and the
/// gateway process when it is the embedded broker (stopped after the run).
/// </summary>
internal sealed record Broker(string Name, string Host, int Port, string? WorkerUsername, string? WorkerPassword, int? Pid, ServiceProcess? Process)
{
    public ProcessSample? Sample() => Pid is { } pid ? ProcessSample.Read(pid) : null;
}
