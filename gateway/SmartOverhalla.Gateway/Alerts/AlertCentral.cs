using SmartOverhalla.Contracts.Messages;
using SmartOverhalla.Contracts.Topics;

namespace SmartOverhalla.Gateway.Alerts;

/// <summary>
/// Where alerts come in and go out (the "alarmsentral"): a report becomes a raise or a clear in the
/// <see cref="AlertLedger"/> (deduplicated there), and every change is queued for InfluxDB and the state file
/// (<see cref="AlertRecorder"/>) and for each notifier sink (<see cref="AlertNotificationDispatcher"/>). Nothing
/// here waits on I/O: it runs on the MQTT receive path and in the control loop.
/// </summary>
internal sealed class AlertCentral(
    AlertLedger ledger,
    AlertRecorder recorder,
    AlertNotificationDispatcher notifications,
    AlertMetrics metrics,
    TimeProvider timeProvider,
    ILogger<AlertCentral> logger)
{
    /// <summary>A device's free text is kept for staff, but not without bound.</summary>
    private const int MaxDetailLength = 500;

    /// <summary>
    /// A device event: <c>lampFailure</c> and <c>driverFault</c> raise an alert at the device's <c>ts</c>;
    /// <c>recovered</c> clears the device's lamp and driver alerts. Other events (e.g. <c>powerLoss</c>) are stored
    /// by ingestion as <c>device_event</c> and are not alerts here. Returns the changes made.
    /// </summary>
    public IReadOnlyList<Alert> DeviceEvent(string municipality, DeviceKind kind, string deviceId, DeviceEvent deviceEvent)
    {
        ArgumentNullException.ThrowIfNull(deviceEvent);
        var kindName = TopicNames.Of(kind);
        if (deviceEvent.Type == AlertCatalogue.RecoveredEvent)
        {
            var cleared = new List<Alert>();
            foreach (var type in AlertCatalogue.FromDeviceEvents)
            {
                if (Clear(new AlertKey(municipality, kindName, deviceId, type), deviceEvent.Ts, AlertCatalogue.ClearedByRecovered) is { } alert)
                {
                    cleared.Add(alert);
                }
            }

            return cleared;
        }

        if (!AlertCatalogue.TryParse(deviceEvent.Type, out var alertType) || !AlertCatalogue.FromDeviceEvents.Contains(alertType))
        {
            return [];
        }

        var detail = deviceEvent.Detail is { Length: > MaxDetailLength } text ? text[..MaxDetailLength] : deviceEvent.Detail;
        var raised = Raise(new AlertKey(municipality, kindName, deviceId, alertType), deviceEvent.Ts, new AlertSource(AlertSource.DeviceEvent, Detail: detail));
        return raised is null ? [] : [raised];
    }

    /// <summary>The control loop gave up on a command: the light is unresponsive since <paramref name="since"/> (gateway time).</summary>
    public Alert? LightUnresponsive(string municipality, string lightId, string cmdId, int attempts, DateTimeOffset since) =>
        Raise(
            new AlertKey(municipality, TopicNames.Of(DeviceKind.Streetlight), lightId, AlertType.Unresponsive),
            since,
            new AlertSource(AlertSource.CommandSilence, CmdId: cmdId, Attempts: attempts));

    /// <summary>
    /// The light answered a command (any ack, applied or rejected: either way it hears the platform again, as its
    /// twin records): its unresponsive alert, if open, is cleared now (gateway time, as it was raised).
    /// </summary>
    public Alert? LightAnswered(string municipality, string lightId) =>
        Clear(
            new AlertKey(municipality, TopicNames.Of(DeviceKind.Streetlight), lightId, AlertType.Unresponsive),
            timeProvider.GetUtcNow(),
            AlertCatalogue.ClearedByAck);

    /// <summary>Alerts for the API.</summary>
    public IReadOnlyList<Alert> Query(AlertFilter filter) => ledger.Query(filter, timeProvider.GetUtcNow());

    private Alert? Raise(AlertKey key, DateTimeOffset at, AlertSource source)
    {
        var alert = ledger.Raise(key, at, source);
        if (alert is null)
        {
            Log.AlertNotRaised(logger, AlertCatalogue.WireName(key.Type), key.Municipality, key.Device);
            return null;
        }

        Publish(alert);
        return alert;
    }

    private Alert? Clear(AlertKey key, DateTimeOffset at, string clearedBy)
    {
        var alert = ledger.Clear(key, at, clearedBy);
        if (alert is not null)
        {
            Publish(alert);
        }

        return alert;
    }

    private void Publish(Alert alert)
    {
        metrics.Changed(alert);
        recorder.Enqueue(alert);
        notifications.Enqueue(alert);
    }
}
