using System.Buffers;
using SmartOverhalla.Contracts.Messages;
using SmartOverhalla.Contracts.Topics;
using SmartOverhalla.Contracts.Validation;
using SmartOverhalla.Gateway.Lighting;
using SmartOverhalla.LoRaWan;
using SmartOverhalla.LoRaWan.Downlinks;
using SmartOverhalla.LoRaWan.Mapping;
using SmartOverhalla.LoRaWan.Topics;
using SmartOverhalla.LoRaWan.Translation;
using SmartOverhalla.LoRaWan.Uplinks;

namespace SmartOverhalla.Gateway.LoRaWan;

/// <summary>
/// What lighting control takes from a network server: a LoRaWAN light's uplink, translated by its profile exactly as the
/// ingestion worker does, reports its level (and teaches where its downlinks go); the network server's report that
/// the light acknowledged a confirmed downlink, or, without one, the next uplink reporting the commanded level, is the
/// command's ack. Water meters' uplinks are the ingestion worker's alone and are passed over. Storing is the ingestion
/// worker's job; nothing here writes.
/// </summary>
internal sealed class LoRaWanUplinkObserver(
    UplinkMapping mapping,
    ILoRaWanRegistry registry,
    DownlinkRoutes routes,
    SentDownlinks sent,
    MessageValidator validator,
    LightReports reports,
    LightStateStore store,
    TimeProvider timeProvider,
    ILogger<LoRaWanUplinkObserver> logger)
{
    public void Observe(string topic, ReadOnlySequence<byte> payload)
    {
        if (!NetworkTopics.TryParse(topic, out var networkTopic))
        {
            return;
        }

        switch (networkTopic.Event)
        {
            case NetworkEvent.Uplink:
                ObserveUplink(networkTopic, payload);
                break;
            case NetworkEvent.DownlinkAck or NetworkEvent.DownlinkNack:
                ObserveAck(topic, networkTopic, payload);
                break;
        }
    }

    private void ObserveUplink(NetworkTopic networkTopic, ReadOnlySequence<byte> payload)
    {
        // Every water meter's uplink comes here too; a ChirpStack topic names the DevEUI, so those are passed over
        // before their JSON is read.
        if (networkTopic.Network == LoRaWanNetwork.ChirpStack
            && SmartOverhalla.LoRaWan.DevEui.TryNormalize(networkTopic.Device, out var topicDevEui)
            && !(registry.TryFindByDevEui(topicDevEui, out var named) && named.Kind == DeviceKind.Streetlight))
        {
            return;
        }

        if (!UplinkParser.TryParse(networkTopic, payload, out var uplink, out _)
            || !registry.TryFindByDevEui(uplink.DevEui, out var light)
            || light.Kind != DeviceKind.Streetlight)
        {
            // Not a light the registry knows: the ingestion worker rejects or stores it with its reason.
            return;
        }

        if (mapping.Find(uplink) is not { Kind: DeviceKind.Streetlight } profile)
        {
            Log.UplinkNotMapped(logger, light.Municipality, light.DeviceId, uplink.DevEui);
            return;
        }

        if (profile.Commands is { } commands)
        {
            routes.Learn(uplink.DevEui, new DownlinkRoute(
                new DownlinkAddress(uplink.Network, uplink.Application, uplink.Tenant, uplink.DevEui, uplink.NetworkDeviceId),
                commands,
                profile.Name));
        }

        var telemetryTopic = new DeviceTopic(light.Municipality, DeviceKind.Streetlight, light.DeviceId, MessageType.Telemetry);
        if (!UplinkTranslator.TryTranslate(uplink, profile, out var translated, out var problem))
        {
            Log.UplinkNotUsable(logger, light.Municipality, light.DeviceId, problem.Code);
            return;
        }

        var result = validator.Validate(telemetryTopic.ToString(), new ReadOnlySequence<byte>(translated.Payload));
        if (result is not { IsValid: true, Message: StreetlightTelemetry telemetry })
        {
            Log.UplinkNotUsable(logger, light.Municipality, light.DeviceId, result.ReasonCode ?? "invalid");
            return;
        }

        reports.Observe(telemetryTopic, telemetry);

        // A light whose downlinks are unconfirmed (or whose network server's acknowledgement was lost) shows that it
        // applied a command by reporting the commanded level: that counts as the ack.
        if (store.Find(light.Municipality, light.DeviceId) is { PendingCmdId: { } cmdId, PendingLevel: { } level } && level == telemetry.DimLevel)
        {
            Log.UplinkConfirmedCommand(logger, light.Municipality, light.DeviceId, cmdId, level);
            reports.Observe(telemetryTopic with { Message = MessageType.Ack }, new CommandAck(light.DeviceId, telemetry.Ts, cmdId, AckResult.Applied, level));
        }
    }

    private void ObserveAck(string topic, NetworkTopic networkTopic, ReadOnlySequence<byte> payload)
    {
        if (!DownlinkAckParser.TryParse(networkTopic, payload, out var ack))
        {
            Log.AckNotReadable(logger, topic.Length > 200 ? topic[..200] : topic);
            return;
        }

        if (!sent.TryFind(ack, out var downlink))
        {
            // Not ours (another application's downlink), or from before a restart: the light's next uplink tells its level.
            return;
        }

        if (!ack.Acknowledged)
        {
            // The network server retries a confirmed downlink itself; the command's own retries and time-out go on.
            Log.DownlinkNotAcknowledged(logger, downlink.Municipality, downlink.LightId, downlink.CmdId);
            return;
        }

        sent.Forget(downlink.CmdId);
        var ackTopic = new DeviceTopic(downlink.Municipality, DeviceKind.Streetlight, downlink.LightId, MessageType.Ack);
        reports.Observe(ackTopic, new CommandAck(downlink.LightId, ack.At ?? timeProvider.GetUtcNow(), downlink.CmdId, AckResult.Applied, downlink.Level));
    }
}
