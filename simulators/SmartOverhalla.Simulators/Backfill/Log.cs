using Microsoft.Extensions.Logging;

namespace SmartOverhalla.Simulators.Backfill;

/// <summary>The backfill's log catalogue (event ids 40–49 of the simulators).</summary>
internal static partial class Log
{
    [LoggerMessage(40, LogLevel.Information, "Backfilling {Meters} water meters of {Municipality} from {From:O} to {To:O} into retention policy {RetentionPolicy} of {Database} (water meters only)")]
    public static partial void BackfillStarting(this ILogger logger, int meters, string municipality, DateTimeOffset from, DateTimeOffset to, string retentionPolicy, string database);

    [LoggerMessage(41, LogLevel.Information, "Backfill: {Meters}/{Total} meters, {Points} points written")]
    public static partial void BackfillProgress(this ILogger logger, int meters, int total, long points);

    [LoggerMessage(42, LogLevel.Information, "Backfill done: {Points} points of {Meters} water meters written in {Elapsed}")]
    public static partial void BackfillFinished(this ILogger logger, long points, int meters, TimeSpan elapsed);

    [LoggerMessage(43, LogLevel.Error, "Backfill failed after {Points} points: {Reason}")]
    public static partial void BackfillFailed(this ILogger logger, long points, string reason);

    [LoggerMessage(44, LogLevel.Information, "Retention policy {RetentionPolicy} exists on {Database}; its duration is left as it is")]
    public static partial void RetentionPolicyKept(this ILogger logger, string retentionPolicy, string database);
}
