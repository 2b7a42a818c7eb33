namespace SmartOverhalla.Gateway.Broker;

/// <summary>The broker's log catalogue. Client ids and endpoints only, never payloads.</summary>
internal static partial class Log
{
    [LoggerMessage(1001, LogLevel.Information, "Embedded MQTT broker listening on {BindAddress}:{Port} (persistent sessions: {PersistentSessions}, max pending messages per client: {MaxPending})")]
    public static partial void EmbeddedBrokerStarted(this ILogger logger, string bindAddress, int port, bool persistentSessions, int maxPending);

    [LoggerMessage(1002, LogLevel.Critical, "Embedded MQTT broker could not listen on {BindAddress}:{Port}; set Broker:Embedded:BindAddress / Broker:Embedded:Port, or Broker:Mode External")]
    public static partial void EmbeddedBrokerStartFailed(this ILogger logger, string bindAddress, int port, Exception exception);

    [LoggerMessage(1003, LogLevel.Information, "Embedded MQTT broker stopped after {Connections} connections and {Messages} published messages")]
    public static partial void EmbeddedBrokerStopped(this ILogger logger, long connections, long messages);

    [LoggerMessage(1004, LogLevel.Debug, "MQTT client {ClientId} connected from {RemoteEndPoint}")]
    public static partial void ClientConnected(this ILogger logger, string clientId, string? remoteEndPoint);

    [LoggerMessage(1005, LogLevel.Debug, "MQTT client {ClientId} disconnected ({DisconnectType})")]
    public static partial void ClientDisconnected(this ILogger logger, string clientId, string disconnectType);

    [LoggerMessage(1006, LogLevel.Warning, "Queue of MQTT client {ClientId} is full: oldest messages dropped ({Count} in total); raise Broker:Embedded:MaxPendingMessagesPerClient or fix the slow subscriber")]
    public static partial void QueuedMessagesDropped(this ILogger logger, string clientId, long count);

    [LoggerMessage(1007, LogLevel.Debug, "MQTT client {ClientId} authenticated as {Role} {Username}")]
    public static partial void ConnectionAuthenticated(this ILogger logger, string clientId, string role, string username);

    [LoggerMessage(1008, LogLevel.Warning, "MQTTnet {Source}: {Message}")]
    public static partial void MqttNetWarning(this ILogger logger, string source, string message, Exception? exception);

    [LoggerMessage(1009, LogLevel.Error, "MQTTnet {Source}: {Message}")]
    public static partial void MqttNetError(this ILogger logger, string source, string message, Exception? exception);

    [LoggerMessage(1010, LogLevel.Warning, "MQTT connect of client {ClientId} (user {Username}) from {RemoteEndPoint} refused: {Reason}")]
    public static partial void ConnectionRefused(this ILogger logger, string clientId, string username, string reason, string? remoteEndPoint);

    [LoggerMessage(1011, LogLevel.Warning, "MQTT publish of client {ClientId} (user {Username}) to {Topic} refused: not authorized ({Count} publishes refused in total)")]
    public static partial void PublishRefused(this ILogger logger, string clientId, string? username, string topic, long count);

    [LoggerMessage(1012, LogLevel.Warning, "MQTT subscription of client {ClientId} (user {Username}) to {TopicFilter} refused: not authorized")]
    public static partial void SubscriptionRefused(this ILogger logger, string clientId, string? username, string topicFilter);

    [LoggerMessage(1013, LogLevel.Information, "Embedded MQTT broker listening for TLS on {BindAddress}:{Port} (certificate {Subject}, valid until {NotAfter:O})")]
    public static partial void EmbeddedBrokerTlsStarted(this ILogger logger, string bindAddress, int port, string subject, DateTime notAfter);

    [LoggerMessage(1014, LogLevel.Warning, "Embedded MQTT broker admits anonymous clients with every right (Broker:Embedded:AllowAnonymous, Development only)")]
    public static partial void AnonymousAllowed(this ILogger logger);

    [LoggerMessage(1015, LogLevel.Information, "Closed the MQTT session of client {ClientId}: its device was removed or its secret changed")]
    public static partial void DeviceSessionClosed(this ILogger logger, string clientId);

    [LoggerMessage(1020, LogLevel.Warning, "A retained publish of client {ClientId} waited {MaxHold} for a subscription being made to go live and went on without it: that subscriber may miss the message")]
    public static partial void RetainedPublishHoldExpired(this ILogger logger, string clientId, TimeSpan maxHold);

    [LoggerMessage(1019, LogLevel.Warning, "MQTT publish of client {ClientId} refused and the client disconnected: topic alias {TopicAlias}, topic length {TopicLength} (the broker takes no aliases and topics of at most {MaxTopicLength} characters)")]
    public static partial void PublishShapeRefused(this ILogger logger, string clientId, ushort topicAlias, int topicLength, int maxTopicLength);

    [LoggerMessage(1021, LogLevel.Debug, "Session of MQTT client {ClientId} ended: its Session Expiry Interval passed")]
    public static partial void SessionExpired(this ILogger logger, string clientId);

    [LoggerMessage(1022, LogLevel.Information, "Message to MQTT client {ClientId} not sent: {Reason} ({Count} not sent in total)")]
    public static partial void PublishDiscarded(this ILogger logger, string clientId, string reason, long count);

    [LoggerMessage(1023, LogLevel.Warning, "Will of MQTT client {ClientId} not published: {Reason}")]
    public static partial void WillNotPublished(this ILogger logger, string clientId, string reason);

    [LoggerMessage(1024, LogLevel.Debug, "Held message to MQTT client {ClientId} not sent, the connection is closing ({Error}); its session keeps it")]
    public static partial void HeldPublishNotSent(this ILogger logger, string clientId, string error);
}
