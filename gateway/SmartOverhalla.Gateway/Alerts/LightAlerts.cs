using SmartOverhalla.Alerts;
using SmartOverhalla.Contracts.Messages;
using SmartOverhalla.Gateway.Lighting;
using SmartOverhalla.Lighting.Alerts;

namespace SmartOverhalla.Gateway.Alerts;

/// <summary>
/// Lighting control's alert port (<see cref="ILightingAlerts"/>): turns what lights report and what the control loop
/// finds into raises and clears of the lighting alert types (<see cref="LightingAlertTypes"/>) at the alert central.
/// </summary>
internal sealed class LightAlerts(AlertCentral central) : ILightingAlerts
{
    public const string ClearedByRecovered = "recovered";
    public const string ClearedByAck = "ack";

    public Task LightUnresponsiveAsync(string municipality, string lightId, SetDimCommand command, int attempts, DateTimeOffset since, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        LightUnresponsive(municipality, lightId, command.CmdId, attempts, since);
        return Task.CompletedTask;
    }

    public void LightAnswered(string municipality, string lightId, CommandAck ack) => LightAnswered(municipality, lightId);

    public void LightEvent(string municipality, string lightId, DeviceEvent deviceEvent) => DeviceEvent(municipality, lightId, deviceEvent);

    /// <summary>The control loop gave up on a command: the light is unresponsive since <paramref name="since"/> (gateway time).</summary>
    public Alert? LightUnresponsive(string municipality, string lightId, string cmdId, int attempts, DateTimeOffset since) =>
        central.Raise(Key(municipality, lightId, LightingAlertTypes.Unresponsive), since, new AlertSource(AlertSource.CommandSilence, CmdId: cmdId, Attempts: attempts));

    /// <summary>
    /// The light answered a command (any ack, applied or rejected: either way it hears the platform again, as its twin
    /// records): its unresponsive alert, if open, is cleared now (gateway time, as it was raised).
    /// </summary>
    public Alert? LightAnswered(string municipality, string lightId) =>
        central.ClearNow(Key(municipality, lightId, LightingAlertTypes.Unresponsive), ClearedByAck);

    /// <summary>
    /// A light's event: <c>lampFailure</c> and <c>driverFault</c> raise an alert at the light's <c>ts</c>; <c>recovered</c>
    /// clears its lamp and driver alerts. Other events (e.g. <c>powerLoss</c>) are stored by ingestion as
    /// <c>device_event</c> and are not alerts. Returns the changes made.
    /// </summary>
    public IReadOnlyList<Alert> DeviceEvent(string municipality, string lightId, DeviceEvent deviceEvent)
    {
        ArgumentNullException.ThrowIfNull(deviceEvent);
        if (deviceEvent.Type == LightingAlertTypes.RecoveredEvent)
        {
            return [.. LightingAlertTypes.FromDeviceEvents
                .Select(type => central.Clear(Key(municipality, lightId, type), deviceEvent.Ts, ClearedByRecovered))
                .OfType<Alert>()];
        }

        var definition = LightingAlertTypes.FromDeviceEvents.FirstOrDefault(d => d.Type == deviceEvent.Type);
        if (definition is null)
        {
            return [];
        }

        var raised = central.Raise(Key(municipality, lightId, definition), deviceEvent.Ts, new AlertSource(AlertSource.DeviceEvent, Detail: AlertSource.Bounded(deviceEvent.Detail)));
        return raised is null ? [] : [raised];
    }

    private static AlertKey Key(string municipality, string lightId, SmartOverhalla.Contracts.Alerts.AlertDefinition type) =>
        new(municipality, type.Kind, lightId, type.Type);
}
