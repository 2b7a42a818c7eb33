namespace SmartOverhalla.Ingestion.Spool;

/// <summary>What the spool is doing, as the self-metrics series and the summary line show it.</summary>
public enum SpoolState
{
    /// <summary>Nothing waits: batches go straight to InfluxDB.</summary>
    Empty,

    /// <summary>Batches wait to be replayed; new batches join the end of the spool, so order is kept.</summary>
    Holding,

    /// <summary>Filled past <see cref="SpoolOptions.AlarmFillRatio"/>: InfluxDB has been away long; act before it is full.</summary>
    Alarm,

    /// <summary>No room for the next batch: the worker stops acknowledging and the broker keeps the messages.</summary>
    Full,
}
