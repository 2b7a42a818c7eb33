namespace SmartOverhalla.Simulators.Hosting;

/// <summary>How the run ended, for the process's exit code (a backfill that InfluxDB refused is a failure).</summary>
public sealed class SimulatorRunOutcome
{
    public const int FailedExitCode = 1;

    public int ExitCode { get; set; }
}
