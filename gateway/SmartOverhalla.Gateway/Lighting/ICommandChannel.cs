using SmartOverhalla.Contracts.Messages;

namespace SmartOverhalla.Gateway.Lighting;

/// <summary>The gateway's side of the device contract's <c>cmd</c> topic.</summary>
internal interface ICommandChannel
{
    bool IsConnected { get; }

    /// <summary>Publishes <paramref name="command"/> to the light's <c>cmd</c> topic with QoS 1.</summary>
    Task PublishAsync(string municipality, string lightId, DeviceCommand command, CancellationToken cancellationToken);
}
