namespace SmartOverhalla.Ingestion.Spool;

/// <summary>A snapshot of the spool for self-metrics and logs. Totals count since the worker started.</summary>
public sealed record SpoolStatus(
    SpoolState State,
    long Bytes,
    long MaxBytes,
    long Records,
    long Points,
    int Segments,
    long Alarms,
    long AppendedBatches,
    long AppendedPoints,
    long ReplayedBatches,
    long ReplayedPoints,
    long RefusedAppends)
{
    /// <summary>Share of <see cref="MaxBytes"/> in use, 0–1.</summary>
    public double FillRatio => MaxBytes > 0 ? (double)Bytes / MaxBytes : 0;
}
