namespace SmartOverhalla.Alerts;

/// <summary>
/// Where alerts come in and go out (the "alarmsentral"), for every domain: a raise, an update or a clear goes into the
/// <see cref="AlertLedger"/> (deduplicated there), and every change is queued for InfluxDB and the state file
/// (<see cref="AlertRecorder"/>) and, for raises and clears, for each notifier sink (<see cref="AlertNotificationDispatcher"/>).
/// Nothing here waits on I/O: it runs on the MQTT receive path, in the control loop, and in the API's report endpoint.
/// </summary>
public sealed class AlertCentral(
    AlertLedger ledger,
    AlertCatalogue catalogue,
    AlertRecorder recorder,
    AlertNotificationDispatcher notifications,
    AlertMetrics metrics,
    TimeProvider timeProvider,
    ILogger<AlertCentral> logger)
{
    /// <summary>The alert types this host knows.</summary>
    public AlertCatalogue Catalogue => catalogue;

    /// <summary>Opens the alert of <paramref name="key"/> at <paramref name="at"/>, unless one is open already; returns it, or null.</summary>
    /// <exception cref="ArgumentException">The catalogue has no such kind and type.</exception>
    public Alert? Raise(AlertKey key, DateTimeOffset at, AlertSource source, IReadOnlyDictionary<string, double>? values = null)
    {
        var alert = ledger.Raise(key, at, source, values);
        if (alert is null)
        {
            Log.AlertNotRaised(logger, key.Type, key.Municipality, key.Device);
            return null;
        }

        metrics.Changed(alert, AlertMetrics.Raised);
        recorder.Enqueue(alert);
        notifications.Enqueue(alert);
        return alert;
    }

    /// <summary>New figures for the open alert of <paramref name="key"/>: recorded (the API and InfluxDB show them), not notified.</summary>
    public Alert? Update(AlertKey key, DateTimeOffset at, IReadOnlyDictionary<string, double> values)
    {
        var alert = ledger.Update(key, at, values);
        if (alert is not null)
        {
            metrics.Changed(alert, AlertMetrics.Updated);
            recorder.Enqueue(alert);
        }

        return alert;
    }

    /// <summary>Clears the open alert of <paramref name="key"/> at <paramref name="at"/>; returns it cleared, or null when none was open.</summary>
    public Alert? Clear(AlertKey key, DateTimeOffset at, string clearedBy)
    {
        var alert = ledger.Clear(key, at, clearedBy);
        if (alert is not null)
        {
            metrics.Changed(alert, AlertMetrics.Cleared);
            recorder.Enqueue(alert);
            notifications.Enqueue(alert);
        }

        return alert;
    }

    /// <summary>Clears the open alert of <paramref name="key"/> now (the host's time).</summary>
    public Alert? ClearNow(AlertKey key, string clearedBy) => Clear(key, timeProvider.GetUtcNow(), clearedBy);

    /// <summary>The open alert of <paramref name="key"/>, if any.</summary>
    public Alert? Open(AlertKey key) => ledger.Open(key);

    /// <summary>Alerts for the API.</summary>
    public IReadOnlyList<Alert> Query(AlertFilter filter) => ledger.Query(filter, timeProvider.GetUtcNow());
}
