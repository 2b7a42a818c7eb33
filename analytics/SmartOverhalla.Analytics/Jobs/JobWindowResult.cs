namespace SmartOverhalla.Analytics.Jobs;

/// <summary>What one window of one partition produced.</summary>
/// <param name="Inputs">Raw series (e.g. devices) the window read; 0 when it had no data.</param>
/// <param name="PointsWritten">Derived points written (each overwrites its earlier version, if any).</param>
internal readonly record struct JobWindowResult(int Inputs, int PointsWritten)
{
    public static JobWindowResult Empty { get; } = new(0, 0);
}
