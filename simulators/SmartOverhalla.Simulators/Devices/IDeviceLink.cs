using SmartOverhalla.Contracts.Messages;
using SmartOverhalla.Contracts.Topics;

namespace SmartOverhalla.Simulators.Devices;

/// <summary>
/// How a device's messages reach the broker: its own MQTT connection (<see cref="DeviceConnection"/>), or a LoRaWAN
/// network server's integration (<see cref="LoRaWan.LoRaWanDeviceLink"/>). The <see cref="DeviceRunner"/>'s loop is
/// the only caller.
/// </summary>
internal interface IDeviceLink : IAsyncDisposable
{
    /// <summary>Connects (and whatever belongs to being connected) as far as not yet done; false when that failed.</summary>
    Task<bool> EnsureConnectedAsync(CancellationToken cancellationToken);

    /// <summary>Sends <paramref name="message"/> of <paramref name="type"/> with QoS 1.</summary>
    Task<PublishOutcome> PublishAsync(MessageType type, IDeviceMessage message, bool retain, CancellationToken cancellationToken);

    /// <summary>Ends the device's presence cleanly, within a few seconds; never throws.</summary>
    Task StopCleanlyAsync();
}
