using System.Net;
using Microsoft.Extensions.Logging;

namespace SmartOverhalla.Influx;

/// <summary>Log catalogue of the InfluxDB client. Failures are Debug: they are thrown, and the caller decides what is worth a warning.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "Wrote {Count} points ({Bytes} bytes) to {Database} in {ElapsedMs} ms")]
    public static partial void Wrote(ILogger logger, int count, int bytes, string database, long elapsedMs);

    [LoggerMessage(EventId = 2, Level = LogLevel.Debug, Message = "Write of {Count} points to {Database} failed with {StatusCode}: {Reason}")]
    public static partial void WriteFailed(ILogger logger, int count, string database, HttpStatusCode? statusCode, string? reason);

    [LoggerMessage(EventId = 3, Level = LogLevel.Debug, Message = "Query on {Database} failed with {StatusCode}: {Reason}")]
    public static partial void QueryFailed(ILogger logger, string database, HttpStatusCode? statusCode, string? reason);

    [LoggerMessage(EventId = 4, Level = LogLevel.Information, Message = "Database {Database}: {Action}")]
    public static partial void DatabaseEnsured(ILogger logger, string database, string action);

    [LoggerMessage(EventId = 5, Level = LogLevel.Information, Message = "Retention policy {RetentionPolicy} on {Database}: {Action} (duration {Duration}, default {IsDefault})")]
    public static partial void RetentionPolicyEnsured(ILogger logger, string retentionPolicy, string database, string action, string duration, bool isDefault);

    // 8001 and up: ids of this library that no host uses (its 1-5 predate the rule that ids are unique per host and its libraries).
    [LoggerMessage(EventId = 8001, Level = LogLevel.Warning, Message = "Retention policy {RetentionPolicy} on {Database} changed from {OldDuration} to {Duration} as configured (shard duration {ShardDuration}): InfluxDB now keeps its data that long")]
    public static partial void RetentionPolicyDurationChanged(ILogger logger, string retentionPolicy, string database, string oldDuration, string duration, string shardDuration);
}
