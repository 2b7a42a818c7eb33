using SmartOverhalla.Contracts.Messages;
using SmartOverhalla.Gateway.Lighting;
using SmartOverhalla.LoRaWan.Downlinks;

namespace SmartOverhalla.Gateway.LoRaWan;

/// <summary>
/// Sends a lighting command to a LoRaWAN light as its network server's downlink (ChirpStack <c>command/down</c>, TTS
/// <c>down/push</c>), encoded by its profile's encoder. A light not heard since the gateway started has no known
/// route yet: nothing is sent, and the command's ack wait and retries run as for a light that does not answer (its
/// next uplink teaches the route, and a Class A device only listens after an uplink anyway).
/// </summary>
internal sealed class LoRaWanCommandChannel(
    DownlinkRoutes routes,
    SentDownlinks sent,
    ControlConnection connection,
    TimeProvider timeProvider,
    ILogger<LoRaWanCommandChannel> logger)
{
    public async Task PublishAsync(LoRaWanIdentity light, DeviceCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(light);
        ArgumentNullException.ThrowIfNull(command);
        if (!routes.TryFind(light.DevEui, out var route))
        {
            Log.NoDownlinkRoute(logger, light.Municipality, light.DeviceId, light.DevEui, command.CmdId);
            return;
        }

        if (!CommandEncoders.TryEncode(route.Commands.Encoder, command, out var frmPayload))
        {
            Log.CannotEncode(logger, light.Municipality, light.DeviceId, route.Commands.Encoder, command.CmdId);
            return;
        }

        var downlink = DownlinkMessages.Build(route.Address, route.Commands, frmPayload, command.CmdId);
        sent.Add(new SentDownlink(command.CmdId, light.Municipality, light.DeviceId, command is SetDimCommand dim ? dim.Level : -1, timeProvider.GetUtcNow()));
        await connection.PublishRawAsync(downlink.Topic, downlink.Payload, cancellationToken);
    }
}
