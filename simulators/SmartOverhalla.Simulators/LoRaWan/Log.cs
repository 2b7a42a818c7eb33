using Microsoft.Extensions.Logging;

namespace SmartOverhalla.Simulators.LoRaWan;

/// <summary>Log messages of the simulated LoRaWAN network server (event ids 50–59; see Hosting/Log.cs for the others).</summary>
internal static partial class Log
{
    [LoggerMessage(50, LogLevel.Information, "LoRaWAN: {Lights} street lights and {Meters} household water meters speak through {Network} as {Username}; they do not log in themselves")]
    public static partial void LoRaWanFleet(this ILogger logger, int lights, int meters, string network, string username);

    [LoggerMessage(51, LogLevel.Information, "LoRaWAN: {Requested} {Kind} asked for, the fleet has {Available}; using {Available}")]
    public static partial void LoRaWanCountClamped(this ILogger logger, int requested, string kind, int available);

    [LoggerMessage(52, LogLevel.Information, "Network server connected to the broker as {Username}")]
    public static partial void NetworkServerConnected(this ILogger logger, string username);

    [LoggerMessage(53, LogLevel.Warning, "Network server could not connect as {Username}: {Reason}")]
    public static partial void NetworkServerConnectFailed(this ILogger logger, string username, string reason);

    [LoggerMessage(54, LogLevel.Warning, "Network server lost its connection: {Reason}")]
    public static partial void NetworkServerConnectionLost(this ILogger logger, string reason);

    [LoggerMessage(55, LogLevel.Warning, "Broker refused the network server its subscription to {Topic}: {ReasonCode}; LoRaWAN lights cannot be commanded")]
    public static partial void NetworkServerSubscribeRefused(this ILogger logger, string topic, string reasonCode);

    [LoggerMessage(56, LogLevel.Warning, "Malformed downlink on {Topic} dropped: {Problem}")]
    public static partial void DownlinkMalformed(this ILogger logger, string topic, string problem);

    [LoggerMessage(57, LogLevel.Debug, "Downlink on {Topic} is for no simulated device; ignored")]
    public static partial void DownlinkForUnknownDevice(this ILogger logger, string topic);

    [LoggerMessage(58, LogLevel.Debug, "Device {DeviceId} received downlink {CommandId} (confirmed {Confirmed}, level {Level})")]
    public static partial void DownlinkReceived(this ILogger logger, string deviceId, string commandId, bool confirmed, int level);

    [LoggerMessage(59, LogLevel.Error, "Network server failed to take in a downlink on {Topic}")]
    public static partial void DownlinkHandlerFailed(this ILogger logger, Exception exception, string topic);
}
