namespace SmartOverhalla.Gateway.Audit;

/// <summary>The minimal audit log: one structured log line per entry. Replaced by a durable store when one is registered.</summary>
internal sealed partial class LoggingAuditLog(ILogger<LoggingAuditLog> logger) : IAuditLog
{
    public ValueTask RecordAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        LogEntry(logger, entry.Actor, entry.Action, entry.Target, entry.Details, entry.At);
        return ValueTask.CompletedTask;
    }

    [LoggerMessage(EventId = 9006, Level = LogLevel.Information, Message = "Audit: {Actor} {Action} {Target} ({Details}) at {At:O}")]
    private static partial void LogEntry(ILogger logger, string actor, string action, string target, string? details, DateTimeOffset at);
}
