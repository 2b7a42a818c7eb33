namespace SmartOverhalla.Alerts;

/// <summary>
/// The alerts' log catalogue (event ids 4000–4099): ids, types and the operators' fixed texts only, never a
/// device's free text or a payload; of the webhook URL only its host (the rest may hold a token).
/// </summary>
internal static partial class Log
{
    [LoggerMessage(4000, LogLevel.Warning, "Alert {AlertId} raised: {Type} on {Kind} {Municipality}/{Device} ({Severity}): {Message}")]
    public static partial void AlertRaised(ILogger logger, Guid alertId, string type, string kind, string municipality, string device, string severity, string message);

    [LoggerMessage(4001, LogLevel.Information, "Alert {AlertId} cleared: {Type} on {Kind} {Municipality}/{Device} ({ClearedBy}): {Message}")]
    public static partial void AlertCleared(ILogger logger, Guid alertId, string type, string kind, string municipality, string device, string clearedBy, string message);

    [LoggerMessage(4002, LogLevel.Debug, "No new alert: {Type} on {Municipality}/{Device} is already open, or the report is older than its last clear")]
    public static partial void AlertNotRaised(ILogger logger, string type, string municipality, string device);

    [LoggerMessage(4003, LogLevel.Information, "Loaded {Open} open and {Cleared} cleared alerts from the state file")]
    public static partial void StateLoaded(ILogger logger, int open, int cleared);

    [LoggerMessage(4004, LogLevel.Warning, "Could not write alert points to InfluxDB ({Reason}); retrying in {Delay}")]
    public static partial void RecordRetry(ILogger logger, string reason, TimeSpan delay);

    [LoggerMessage(4005, LogLevel.Error, "Gave up writing {Count} alert points to InfluxDB: {Reason}; the alerts stay in the API and the state file")]
    public static partial void RecordFailed(ILogger logger, int count, string reason);

    [LoggerMessage(4006, LogLevel.Error, "The alert queue for InfluxDB is full ({Capacity}); alert {AlertId} is not written there")]
    public static partial void RecordDropped(ILogger logger, int capacity, Guid alertId);

    [LoggerMessage(4008, LogLevel.Error, "Alert {AlertId} cannot be written to InfluxDB and is left out there ({Reason}); it stays in the API and the state file")]
    public static partial void RecordUnwritable(ILogger logger, Guid alertId, string reason);

    [LoggerMessage(4009, LogLevel.Error, "Recording alerts failed; the recorder goes on with the next ones")]
    public static partial void RecorderError(ILogger logger, Exception exception);

    [LoggerMessage(4007, LogLevel.Warning, "Could not save the alert state file: {Reason}")]
    public static partial void StateSaveFailed(ILogger logger, string reason);

    [LoggerMessage(4010, LogLevel.Information, "Alert webhook enabled for host {Host} ({MaxAttempts} attempts)")]
    public static partial void WebhookEnabled(ILogger logger, string host, int maxAttempts);

    [LoggerMessage(4011, LogLevel.Warning, "Alert webhook at {Host} failed ({Outcome}) on attempt {Attempt}; trying again in {Delay}")]
    public static partial void WebhookRetry(ILogger logger, string host, string outcome, int attempt, TimeSpan delay);

    [LoggerMessage(4012, LogLevel.Debug, "Alert {AlertId} delivered to the webhook at {Host}")]
    public static partial void WebhookDelivered(ILogger logger, Guid alertId, string host);

    [LoggerMessage(4013, LogLevel.Error, "Alert {AlertId} ({Change}) was not delivered by the {Sink} sink: {Reason}")]
    public static partial void NotificationFailed(ILogger logger, Guid alertId, string change, string sink, string reason);

    [LoggerMessage(4014, LogLevel.Error, "The {Sink} sink's queue is full ({Capacity}); alert {AlertId} ({Change}) is not sent there")]
    public static partial void NotificationDropped(ILogger logger, string sink, int capacity, Guid alertId, string change);

    [LoggerMessage(4015, LogLevel.Error, "The {Sink} sink failed unexpectedly on alert {AlertId}")]
    public static partial void NotifierCrashed(ILogger logger, string sink, Guid alertId, Exception exception);
}
