namespace SmartOverhalla.Gateway.LoRaWan;

/// <summary>Log catalogue of lighting control's LoRaWAN path (event ids 2201-2299).</summary>
internal static partial class Log
{
    [LoggerMessage(2201, LogLevel.Warning, "LoRaWAN light {Municipality}/{LightId}: no profile of the mapping file matches its uplinks from DevEUI {DevEui}; its level is not known to lighting control")]
    public static partial void UplinkNotMapped(ILogger logger, string municipality, string lightId, string devEui);

    [LoggerMessage(2202, LogLevel.Debug, "LoRaWAN light {Municipality}/{LightId}: uplink not usable ({Reason}); the ingestion worker keeps it as a reject")]
    public static partial void UplinkNotUsable(ILogger logger, string municipality, string lightId, string reason);

    [LoggerMessage(2203, LogLevel.Debug, "LoRaWAN light {Municipality}/{LightId} reports level {Level}, the level of command {CmdId}: counted as its ack")]
    public static partial void UplinkConfirmedCommand(ILogger logger, string municipality, string lightId, string cmdId, int level);

    [LoggerMessage(2204, LogLevel.Warning, "A network server's downlink acknowledgement on {Topic} cannot be read")]
    public static partial void AckNotReadable(ILogger logger, string topic);

    [LoggerMessage(2205, LogLevel.Information, "LoRaWAN light {Municipality}/{LightId} did not acknowledge the downlink of command {CmdId}; the command is retried")]
    public static partial void DownlinkNotAcknowledged(ILogger logger, string municipality, string lightId, string cmdId);

    [LoggerMessage(2206, LogLevel.Information, "LoRaWAN light {Municipality}/{LightId} (DevEUI {DevEui}) has not been heard since the gateway started: command {CmdId} waits for its next uplink")]
    public static partial void NoDownlinkRoute(ILogger logger, string municipality, string lightId, string devEui, string cmdId);

    [LoggerMessage(2207, LogLevel.Warning, "LoRaWAN light {Municipality}/{LightId}: encoder {Encoder} cannot express command {CmdId}")]
    public static partial void CannotEncode(ILogger logger, string municipality, string lightId, string encoder, string cmdId);

    [LoggerMessage(2208, LogLevel.Debug, "LoRaWAN light {Municipality}/{LightId}: command {CmdId} is queued at the network server already; waiting for its acknowledgement")]
    public static partial void DownlinkAlreadyQueued(ILogger logger, string municipality, string lightId, string cmdId);

    [LoggerMessage(2209, LogLevel.Information, "Loaded {Count} LoRaWAN downlink routes from {Path}")]
    public static partial void RoutesLoaded(ILogger logger, string path, int count);

    [LoggerMessage(2210, LogLevel.Warning, "The LoRaWAN downlink routes file {Path} cannot be read ({Reason}); each light's next uplink teaches its route again")]
    public static partial void RoutesUnreadable(ILogger logger, string path, string reason);

    [LoggerMessage(2211, LogLevel.Warning, "The LoRaWAN downlink routes could not be saved to {Path} ({Reason}); they are kept in memory")]
    public static partial void RoutesNotSaved(ILogger logger, string path, string reason);
}
