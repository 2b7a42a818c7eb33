namespace SmartOverhalla.Ingestion.Pipeline;

/// <summary>
/// Whether the database and retention policy exist yet. Until they do, batches go to the spool (a write
/// would be refused as "database not found"), and the replayer waits.
/// </summary>
internal sealed class InfluxSchemaReadiness
{
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _firstAttempt = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool IsReady => _ready.Task.IsCompletedSuccessfully;

    /// <summary>Completes when the schema is in place.</summary>
    public Task Ready => _ready.Task;

    /// <summary>Completes after the first set-up attempt, whatever its result: the batch writer starts then.</summary>
    public Task FirstAttempt => _firstAttempt.Task;

    public void MarkReady()
    {
        _ready.TrySetResult();
        _firstAttempt.TrySetResult();
    }

    public void MarkAttemptFailed() => _firstAttempt.TrySetResult();
}
