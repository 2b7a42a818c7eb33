using SmartOverhalla.Contracts.Messages;
using SmartOverhalla.Contracts.Topics;

namespace SmartOverhalla.Gateway.Lighting;

/// <summary>
/// What the lights say, folded into their twins: telemetry gives the reported level, an ack the acknowledged
/// one (also a late ack, or one for a command sent before a restart), a status makes a light known. Events and
/// acks also go to the alerts: a lamp or driver fault raises one, <c>recovered</c> or any ack clears one.
/// </summary>
internal sealed class LightReports(LightStateStore store, PendingAcks pending, ILightingAlerts alerts)
{
    public void Observe(DeviceTopic topic, IDeviceMessage message)
    {
        switch (message)
        {
            case StreetlightTelemetry telemetry:
                store.Update(topic.Municipality, topic.DeviceId, s => s.ReportedAt is { } at && at > telemetry.Ts
                    ? s
                    : s with { ReportedLevel = telemetry.DimLevel, ReportedAt = telemetry.Ts });
                break;
            case CommandAck ack:
                if (!pending.TryComplete(ack))
                {
                    store.Update(topic.Municipality, topic.DeviceId, s => Acknowledged(s, ack));
                }

                alerts.LightAnswered(topic.Municipality, topic.DeviceId, ack);
                break;
            case DeviceEvent deviceEvent:
                alerts.LightEvent(topic.Municipality, topic.DeviceId, deviceEvent);
                break;
            case DeviceStatus:
                store.Update(topic.Municipality, topic.DeviceId, static s => s);
                break;
        }
    }

    /// <summary>The twin after <paramref name="ack"/>: an applied level is what the light now has.</summary>
    internal static LightState Acknowledged(LightState state, CommandAck ack)
    {
        var pendingDone = state.PendingCmdId == ack.CmdId;
        return ack.Result == AckResult.Applied
            ? state with
            {
                AckedLevel = ack.AppliedLevel ?? state.PendingLevel ?? state.AckedLevel,
                PendingCmdId = pendingDone ? null : state.PendingCmdId,
                PendingLevel = pendingDone ? null : state.PendingLevel,
                Unresponsive = false,
                UnresponsiveSince = null,
            }
            : state with
            {
                PendingCmdId = pendingDone ? null : state.PendingCmdId,
                PendingLevel = pendingDone ? null : state.PendingLevel,
                Unresponsive = false,
                UnresponsiveSince = null,
            };
    }
}
