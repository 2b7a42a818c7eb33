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
        "Summary: {DevicesOnline} devices online ({Streetlights} streetlights, {Watermeters} water meters, {Ploughs} ploughs), {MessagesPerSecond:F1} msg/s, {PointsWritten} points written, {Rejected} rejects, spool {SpoolState} ({SpoolRecords} batches, {SpoolBytes} bytes)")]
    public static partial void Summary(
        ILogger logger, int devicesOnline, int streetlights, int watermeters, int ploughs, double messagesPerSecond, long pointsWritten, long rejected,
        Spool.SpoolState spoolState, long spoolRecords, long spoolBytes);

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

    [LoggerMessage(19, LogLevel.Information, "Spool {Directory} holds {Records} batches ({Points} points, {Bytes} bytes) from before the restart; replaying them first")]
    public static partial void SpoolRecovered(ILogger logger, long records, long points, long bytes, string directory);

    [LoggerMessage(20, LogLevel.Warning, "Spool segment {File} ended in a torn record ({Bytes} bytes, from a crash during an append); cut off. That batch was never acknowledged, so the broker re-delivers it")]
    public static partial void SpoolTornTail(ILogger logger, string file, long bytes);

    [LoggerMessage(21, LogLevel.Error, "Spool segment {File} is unreadable from offset {Offset} ({Bytes} bytes); those bytes are kept in {AsideFile} for inspection and are not replayed")]
    public static partial void SpoolCorrupt(ILogger logger, string file, long offset, long bytes, string asideFile);

    [LoggerMessage(22, LogLevel.Error, "Spool {Directory} is full ({Bytes} of {MaxBytes} bytes): messages are no longer acknowledged and wait at the broker until InfluxDB is back")]
    public static partial void SpoolFull(ILogger logger, long bytes, long maxBytes, string directory);

    [LoggerMessage(23, LogLevel.Warning, "Spool alarm: {Percent:F0} % full ({Bytes} of {MaxBytes} bytes, {Records} batches waiting) in {Directory}: InfluxDB is not taking writes; restore it, or give the spool room, before it is full")]
    public static partial void SpoolAlarm(ILogger logger, double percent, long bytes, long maxBytes, long records, string directory);

    [LoggerMessage(24, LogLevel.Information, "Spool alarm cleared: {Percent:F0} % full ({Bytes} of {MaxBytes} bytes)")]
    public static partial void SpoolAlarmCleared(ILogger logger, double percent, long bytes, long maxBytes);

    [LoggerMessage(25, LogLevel.Warning, "Could not delete replayed spool file {Path}: {Reason}")]
    public static partial void SpoolDeleteFailed(ILogger logger, string path, string reason);

    [LoggerMessage(26, LogLevel.Warning, "InfluxDB is unreachable ({Reason}); spooling batches to disk and acknowledging them from there")]
    public static partial void SpoolingStarted(ILogger logger, string reason);

    [LoggerMessage(27, LogLevel.Information, "Spool replayed: {Batches} batches ({Points} points) since the outage; writing straight to InfluxDB again")]
    public static partial void SpoolDrained(ILogger logger, long batches, long points);

    [LoggerMessage(28, LogLevel.Error, "Could not append a batch to the spool ({Reason}); it stays unacknowledged and is tried again")]
    public static partial void SpoolAppendFailed(ILogger logger, string reason);

    [LoggerMessage(29, LogLevel.Debug, "Spooled a batch of {Count} points ({Reason})")]
    public static partial void BatchSpooled(ILogger logger, int count, string reason);

    [LoggerMessage(30, LogLevel.Debug, "Replay of the oldest spooled batch failed ({Reason}); {Records} batches wait")]
    public static partial void ReplayFailed(ILogger logger, string reason, long records);

    [LoggerMessage(31, LogLevel.Error, "InfluxDB refused a spooled batch of {Count} points ({Reason}); writing them one by one to find the bad ones")]
    public static partial void ReplayRefused(ILogger logger, int count, string reason);

    [LoggerMessage(32, LogLevel.Warning, "InfluxDB write circuit opened for {BreakDuration} after repeated failures ({Reason}); batches go to the spool meanwhile")]
    public static partial void CircuitOpened(ILogger logger, TimeSpan breakDuration, string reason);

    [LoggerMessage(33, LogLevel.Information, "InfluxDB write circuit closed: writes succeed again")]
    public static partial void CircuitClosed(ILogger logger);

    [LoggerMessage(34, LogLevel.Error, "Unexpected error in the spool replayer; trying again")]
    public static partial void ReplayLoopFailed(ILogger logger, Exception exception);

    [LoggerMessage(35, LogLevel.Warning,
        "Device {Municipality}/{Kind}/{DeviceId} is flooding: over its budget of {SustainedPerSecond} messages/s (burst {Burst}); messages over it: {Action}. Logged once per episode")]
    public static partial void FloodStarted(ILogger logger, string municipality, string kind, string deviceId, double sustainedPerSecond, int burst, Flood.FloodAction action);

    [LoggerMessage(36, LogLevel.Information, "Device {Municipality}/{Kind}/{DeviceId} stopped flooding: {OverBudget} messages over its budget in {Duration}")]
    public static partial void FloodEnded(ILogger logger, string municipality, string kind, string deviceId, long overBudget, TimeSpan duration);

    [LoggerMessage(37, LogLevel.Warning, "Flood guard tracks its maximum of {MaxDevices} devices; further new devices are not rate-tracked until idle ones are forgotten")]
    public static partial void FloodTrackingFull(ILogger logger, int maxDevices);

    [LoggerMessage(38, LogLevel.Warning, "Reconnecting to the broker so that it delivers again a message the worker could not handle")]
    public static partial void Reconnecting(ILogger logger);

    [LoggerMessage(39, LogLevel.Error, "Spool segment {File} is unreadable from offset {Offset} to {ResumeOffset} ({Bytes} bytes); those bytes are kept in {AsideFile} for inspection and are not replayed; replay goes on with the intact record that follows them")]
    public static partial void SpoolResynchronised(ILogger logger, string file, long offset, long resumeOffset, long bytes, string asideFile);

    [LoggerMessage(40, LogLevel.Debug, "Fetched the LoRaWAN device list: {Count} DevEUIs ({Skipped} entries skipped as invalid)")]
    public static partial void LoRaWanDirectoryFetched(ILogger logger, int count, int skipped);

    [LoggerMessage(41, LogLevel.Warning, "Could not fetch the LoRaWAN device list from {GatewayHost}: {Reason}; keeping the {Count} DevEUIs known")]
    public static partial void LoRaWanDirectoryFetchFailed(ILogger logger, string gatewayHost, string reason, int count);

    [LoggerMessage(42, LogLevel.Information, "Loaded the cached LoRaWAN device list {Path}: {Count} DevEUIs ({Skipped} entries skipped as invalid)")]
    public static partial void LoRaWanDirectoryCacheLoaded(ILogger logger, string path, int count, int skipped);

    [LoggerMessage(43, LogLevel.Warning, "The cached LoRaWAN device list {Path} cannot be read ({Reason}); waiting for the gateway")]
    public static partial void LoRaWanDirectoryCacheUnreadable(ILogger logger, string path, string reason);
}
