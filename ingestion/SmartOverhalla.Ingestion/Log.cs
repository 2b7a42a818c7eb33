using Microsoft.Extensions.Logging;

namespace SmartOverhalla.Ingestion;

/// <summary>The ingestion worker's log catalogue. Never logs payloads: they may hold household data.</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "Connected to MQTT broker {Host}:{Port} as {ClientId} (session present: {SessionPresent})")]
    public static partial void Connected(ILogger logger, string host, int port, string clientId, bool sessionPresent);

    [LoggerMessage(2, LogLevel.Warning, "MQTT broker {Host}:{Port} not reachable: {Reason}; retrying every {RetryDelay}")]
    public static partial void ConnectFailed(ILogger logger, string host, int port, string reason, TimeSpan retryDelay);

    [LoggerMessage(3, LogLevel.Information, "Subscribed to {Filters}")]
    public static partial void Subscribed(ILogger logger, string filters);

    [LoggerMessage(4, LogLevel.Warning, "Lost the MQTT connection: {Reason}")]
    public static partial void Disconnected(ILogger logger, string reason);

    [LoggerMessage(5, LogLevel.Debug, "Rejected message on {Topic}: {Reason}")]
    public static partial void MessageRejected(ILogger logger, string topic, string reason);

    [LoggerMessage(6, LogLevel.Warning, "InfluxDB write failed ({Reason}); retry {Attempt} in {Delay}")]
    public static partial void WriteRetry(ILogger logger, string reason, int attempt, TimeSpan delay);

    [LoggerMessage(7, LogLevel.Error, "InfluxDB refused a batch of {Count} points ({Reason}); writing them one by one to find the bad ones")]
    public static partial void BatchRefused(ILogger logger, int count, string reason);

    [LoggerMessage(8, LogLevel.Warning, "InfluxDB refused one point in {Measurement} from {DeviceTopic}: {Reason}")]
    public static partial void PointRefused(ILogger logger, string measurement, string deviceTopic, string reason);

    [LoggerMessage(9, LogLevel.Debug, "Stored batch of {Count} points ({Rejected} rejects)")]
    public static partial void BatchStored(ILogger logger, int count, int rejected);

    [LoggerMessage(10, LogLevel.Debug, "Could not acknowledge a message (the connection dropped; the broker will re-deliver it): {Reason}")]
    public static partial void AcknowledgeFailed(ILogger logger, string reason);

    [LoggerMessage(11, LogLevel.Warning, "Could not publish a dead letter to {Topic}: {Reason} (the reject is stored in InfluxDB all the same)")]
    public static partial void DeadLetterFailed(ILogger logger, string topic, string reason);

    [LoggerMessage(12, LogLevel.Information,
        "Summary: {DevicesOnline} devices online ({Streetlights} streetlights, {Watermeters} water meters, {Ploughs} ploughs), {MessagesPerSecond:F1} msg/s, {PointsWritten} points written, {Rejected} rejects")]
    public static partial void Summary(ILogger logger, int devicesOnline, int streetlights, int watermeters, int ploughs, double messagesPerSecond, long pointsWritten, long rejected);

    [LoggerMessage(13, LogLevel.Warning, "Could not write self-metrics: {Reason}")]
    public static partial void SelfMetricsFailed(ILogger logger, string reason);

    [LoggerMessage(14, LogLevel.Warning, "InfluxDB schema not ready ({Reason}); retrying")]
    public static partial void SchemaRetry(ILogger logger, string reason);

    [LoggerMessage(15, LogLevel.Information, "InfluxDB database {Database} is ready")]
    public static partial void SchemaReady(ILogger logger, string database);

    [LoggerMessage(16, LogLevel.Warning, "Stopping with {Count} queued messages not yet stored; the broker re-delivers them")]
    public static partial void DrainIncomplete(ILogger logger, int count);

    [LoggerMessage(17, LogLevel.Error, "Unexpected error handling a message on {Topic}; it is not acknowledged and will be re-delivered")]
    public static partial void HandlerFailed(ILogger logger, Exception exception, string topic);

    [LoggerMessage(18, LogLevel.Error, "Unexpected error in the batch writer; retrying the batch")]
    public static partial void BatchLoopFailed(ILogger logger, Exception exception);

    [LoggerMessage(19, LogLevel.Warning,
        "Device {Municipality}/{Kind}/{DeviceId} is flooding: over its budget of {SustainedPerSecond} messages/s (burst {Burst}); messages over it: {Action}. Logged once per episode")]
    public static partial void FloodStarted(ILogger logger, string municipality, string kind, string deviceId, double sustainedPerSecond, int burst, Flood.FloodAction action);

    [LoggerMessage(20, LogLevel.Information, "Device {Municipality}/{Kind}/{DeviceId} stopped flooding: {OverBudget} messages over its budget in {Duration}")]
    public static partial void FloodEnded(ILogger logger, string municipality, string kind, string deviceId, long overBudget, TimeSpan duration);

    [LoggerMessage(21, LogLevel.Warning, "Flood guard tracks its maximum of {MaxDevices} devices; further new devices are not rate-tracked until idle ones are forgotten")]
    public static partial void FloodTrackingFull(ILogger logger, int maxDevices);
}
