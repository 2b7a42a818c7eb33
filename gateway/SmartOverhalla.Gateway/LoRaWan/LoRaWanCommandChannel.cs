using SmartOverhalla.Contracts.Messages;
using SmartOverhalla.Gateway.Lighting;
using SmartOverhalla.LoRaWan.Downlinks;

namespace SmartOverhalla.Gateway.LoRaWan;

/// <summary>
/// Sends a lighting command to a LoRaWAN light as its network server's downlink (ChirpStack <c>command/down</c>, TTS
/// <c>down/push</c>), encoded by its profile's encoder. A light not heard since the gateway started has no known
/// route yet: nothing is sent, and the command's ack wait and retries run as for a light that does not answer (its
/// next uplink teaches the route, and a Class A device only listens after an uplink anyway). Each command goes to the
/// network server once; its retries only wait longer for the acknowledgement.
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

        // A retry of the same command is not queued again: the network server holds it until the device's next
        // receive window and retries a confirmed downlink itself; another copy would only lengthen the device's queue.
        if (sent.Contains(command.CmdId))
        {
            Log.DownlinkAlreadyQueued(logger, light.Municipality, light.DeviceId, command.CmdId);
            return;
        }

        var downlink = DownlinkMessages.Build(route.Address, route.Commands, frmPayload, command.CmdId);
        await connection.PublishRawAsync(downlink.Topic, downlink.Payload, cancellationToken);
        sent.Add(new SentDownlink(command.CmdId, light.Municipality, light.DeviceId, command is SetDimCommand dim ? dim.Level : -1, timeProvider.GetUtcNow()));
    }
}
