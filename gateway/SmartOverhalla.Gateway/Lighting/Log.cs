namespace SmartOverhalla.Gateway.Lighting;

/// <summary>Lighting control's log catalogue: ids and levels only, never payloads.</summary>
internal static partial class Log
{
    [LoggerMessage(2001, LogLevel.Information, "Control connection to the MQTT broker {Host}:{Port} is up (session present: {SessionPresent})")]
    public static partial void ControlConnected(ILogger logger, string host, int port, bool sessionPresent);

    [LoggerMessage(2002, LogLevel.Warning, "Control connection to {Host}:{Port} failed: {Reason}; retrying every {RetryDelay}")]
    public static partial void ControlConnectFailed(ILogger logger, string host, int port, string reason, TimeSpan retryDelay);

    [LoggerMessage(2003, LogLevel.Debug, "Ignored a message on {Topic}: {Reason}")]
    public static partial void MessageIgnored(ILogger logger, string topic, string reason);

    [LoggerMessage(2004, LogLevel.Information, "Commanding {Count} lights ({InFlight} commands in flight)")]
    public static partial void Commanding(ILogger logger, int count, int inFlight);

    [LoggerMessage(2005, LogLevel.Warning, "Light {Municipality}/{LightId} is unresponsive: no ack to {CmdId} after {Attempts} attempts")]
    public static partial void Unresponsive(ILogger logger, string municipality, string lightId, string cmdId, int attempts);

    [LoggerMessage(2006, LogLevel.Warning, "Light {Municipality}/{LightId} rejected {CmdId}: {Reason}")]
    public static partial void Rejected(ILogger logger, string municipality, string lightId, string cmdId, string reason);

    [LoggerMessage(2007, LogLevel.Error, "Lighting control round failed; trying again next round")]
    public static partial void RoundFailed(ILogger logger, Exception exception);

    [LoggerMessage(2010, LogLevel.Warning, "InfluxDB database not ready ({Reason}); retrying in {Delay}")]
    public static partial void SchemaRetry(ILogger logger, string reason, TimeSpan delay);

    [LoggerMessage(2009, LogLevel.Information, "Resuming {Count} commands pending before the restart")]
    public static partial void ResumingPending(ILogger logger, int count);
}
