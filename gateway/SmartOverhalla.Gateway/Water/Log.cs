namespace SmartOverhalla.Gateway.Water;

/// <summary>The water side's log catalogue (event ids 8101-8119): meter ids, districts, notice ids and hosts — never an address, a purpose or a notice's text.</summary>
internal static partial class Log
{
    [LoggerMessage(8101, LogLevel.Information, "Meter registry {Path}: {Count} meters in force")]
    public static partial void MeterRegistryLoaded(this ILogger logger, string path, int count);

    [LoggerMessage(8102, LogLevel.Information, "Meter import from {Path}: {Added} added, {Changed} changed, {Unchanged} unchanged")]
    public static partial void MetersImported(this ILogger logger, string path, int added, int changed, int unchanged);

    [LoggerMessage(8103, LogLevel.Information, "Notice {NoticeId} sent to {Host} for {Addresses} addresses")]
    public static partial void NoticeSent(this ILogger logger, Guid noticeId, string host, int addresses);

    [LoggerMessage(8104, LogLevel.Warning, "Notice {NoticeId} could not be sent: {Reason}")]
    public static partial void NoticeFailed(this ILogger logger, Guid noticeId, string reason);

    [LoggerMessage(8105, LogLevel.Warning, "Notice webhook at {Host}: {Reason}; attempt {Attempt} in {Delay}")]
    public static partial void NoticeWebhookRetry(this ILogger logger, string host, string reason, int attempt, TimeSpan delay);
}
