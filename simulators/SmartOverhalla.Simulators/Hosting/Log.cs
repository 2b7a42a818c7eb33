using Microsoft.Extensions.Logging;

namespace SmartOverhalla.Simulators.Hosting;

/// <summary>
/// The simulators' log catalogue (source-generated, stable placeholders, never payloads). Event ids are unique across the
/// simulators and the libraries in their log: 1–5 belong to SmartOverhalla.Influx (used by the backfill), 40–49 to the
/// backfill (<c>Backfill/Log.cs</c>), 50–59 to the simulated LoRaWAN network server (<c>LoRaWan/Log.cs</c>).
/// </summary>
internal static partial class Log
{
    [LoggerMessage(28, LogLevel.Information, "Simulating {Streetlights} street lights, {Watermeters} water meters and {Ploughs} ploughs of {Municipality} on {Host}:{Port}")]
    public static partial void SimulationStarting(this ILogger logger, int streetlights, int watermeters, int ploughs, string municipality, string host, int port);

    [LoggerMessage(29, LogLevel.Information, "Simulation: {Connected}/{Devices} devices connected, {Published} messages published, {Failed} failed")]
    public static partial void Summary(this ILogger logger, int connected, int devices, long published, long failed);

    [LoggerMessage(30, LogLevel.Information, "Every device sent its {Count} messages and went offline; stopping")]
    public static partial void AllDevicesFinished(this ILogger logger, int count);

    [LoggerMessage(31, LogLevel.Warning, "No devices to simulate; stopping")]
    public static partial void NoDevices(this ILogger logger);

    [LoggerMessage(10, LogLevel.Debug, "Device {DeviceId} connected")]
    public static partial void DeviceConnected(this ILogger logger, string deviceId);

    [LoggerMessage(11, LogLevel.Debug, "Device {DeviceId} could not connect: {Reason}")]
    public static partial void ConnectFailed(this ILogger logger, string deviceId, string reason);

    [LoggerMessage(12, LogLevel.Debug, "Device {DeviceId} lost its connection: {Reason}")]
    public static partial void ConnectionLost(this ILogger logger, string deviceId, string reason);

    [LoggerMessage(13, LogLevel.Debug, "Device {DeviceId} could not publish to {Topic}: {Reason}")]
    public static partial void PublishFailed(this ILogger logger, string deviceId, string topic, string reason);

    [LoggerMessage(14, LogLevel.Warning, "Broker refused a message of device {DeviceId} on {Topic}: {ReasonCode}; dropped")]
    public static partial void PublishRefused(this ILogger logger, string deviceId, string topic, string reasonCode);

    [LoggerMessage(15, LogLevel.Warning, "Device {DeviceId} could not announce offline and disconnect cleanly: {Reason}")]
    public static partial void CleanStopFailed(this ILogger logger, string deviceId, string reason);

    [LoggerMessage(16, LogLevel.Error, "Device {DeviceId} stopped on an unexpected error")]
    public static partial void DeviceCrashed(this ILogger logger, Exception exception, string deviceId);

    [LoggerMessage(17, LogLevel.Error, "A simulation observer failed on a message of device {DeviceId}")]
    public static partial void ObserverFailed(this ILogger logger, Exception exception, string deviceId);

    [LoggerMessage(18, LogLevel.Debug, "Device {DeviceId} finished its {Count} messages")]
    public static partial void DeviceFinished(this ILogger logger, string deviceId, int count);

    [LoggerMessage(32, LogLevel.Information, "Street-light faults injected: {LampFailures} lamp failures, {DriverFaults} driver faults, {NeverAck} never acking, {SlowAck} acking after {SlowAckDelay}")]
    public static partial void FaultsInjected(this ILogger logger, int lampFailures, int driverFaults, int neverAck, int slowAck, TimeSpan slowAckDelay);

    [LoggerMessage(6, LogLevel.Information, "Device {DeviceId} simulates {Faults}")]
    public static partial void DeviceFaulty(this ILogger logger, string deviceId, string faults);

    [LoggerMessage(19, LogLevel.Warning, "Broker refused device {DeviceId} its subscription to {Topic}: {ReasonCode}; it cannot be commanded")]
    public static partial void SubscribeRefused(this ILogger logger, string deviceId, string topic, string reasonCode);

    [LoggerMessage(20, LogLevel.Debug, "Device {DeviceId} could not subscribe to {Topic}: {Reason}")]
    public static partial void SubscribeFailed(this ILogger logger, string deviceId, string topic, string reason);

    [LoggerMessage(21, LogLevel.Debug, "Device {DeviceId} applied command {CmdId}: level {Level}")]
    public static partial void CommandApplied(this ILogger logger, string deviceId, string cmdId, int level);

    [LoggerMessage(22, LogLevel.Warning, "Device {DeviceId} rejected command {CmdId}: {Reason}")]
    public static partial void CommandRejected(this ILogger logger, string deviceId, string cmdId, string reason);

    [LoggerMessage(23, LogLevel.Debug, "Device {DeviceId} received command {CmdId} again; answering {Result} again without applying it")]
    public static partial void CommandRepeated(this ILogger logger, string deviceId, string cmdId, string result);

    [LoggerMessage(24, LogLevel.Warning, "Device {DeviceId} dropped a command it cannot answer: {Reason}")]
    public static partial void CommandDropped(this ILogger logger, string deviceId, string reason);

    [LoggerMessage(25, LogLevel.Debug, "Device {DeviceId} withholds the ack of command {CmdId} (injected fault: never acks)")]
    public static partial void AckWithheld(this ILogger logger, string deviceId, string cmdId);

    [LoggerMessage(26, LogLevel.Error, "Device {DeviceId} failed to take in a received command")]
    public static partial void CommandHandlerFailed(this ILogger logger, Exception exception, string deviceId);

    [LoggerMessage(27, LogLevel.Information, "Wrote the fleet of {Count} devices to {Path} (the gateway's Devices:ImportFile); not simulating")]
    public static partial void FleetWritten(this ILogger logger, int count, string path);

    [LoggerMessage(33, LogLevel.Information, "Water network: {Households} household meters in {Districts} districts, {Leaks} leaks, {Bursts} bursts, {Replacements} replacements, {Holidays} holidays, {PipeLeaks} pipe leaks")]
    public static partial void WaterNetworkPlanned(this ILogger logger, int households, int districts, int leaks, int bursts, int replacements, int holidays, int pipeLeaks);

    [LoggerMessage(34, LogLevel.Information, "Wrote the water meter registry of {Count} meters to {Path} (the gateway's import); not simulating")]
    public static partial void WaterRegistryWritten(this ILogger logger, int count, string path);

    [LoggerMessage(35, LogLevel.Information, "Wrote the ground truth from {From:O} to {To:O} to {Path}")]
    public static partial void GroundTruthWritten(this ILogger logger, DateTimeOffset from, DateTimeOffset to, string path);
}
