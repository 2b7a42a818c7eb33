using SmartOverhalla.Contracts.Messages;
using SmartOverhalla.Gateway.Lighting;

namespace SmartOverhalla.Gateway.LoRaWan;

/// <summary>Sends each command the way its light is reached: as a downlink for a LoRaWAN light, else on the light's own <c>cmd</c> topic.</summary>
internal sealed class RoutingCommandChannel(ControlConnection connection, LoRaWanCommandChannel loRaWan, ILoRaWanRegistry registry) : ICommandChannel
{
    public bool IsConnected => connection.IsConnected;

    public Task PublishAsync(string municipality, string lightId, DeviceCommand command, CancellationToken cancellationToken) =>
        registry.TryFindLight(municipality, lightId, out var light)
            ? loRaWan.PublishAsync(light, command, cancellationToken)
            : connection.PublishAsync(municipality, lightId, command, cancellationToken);
}
