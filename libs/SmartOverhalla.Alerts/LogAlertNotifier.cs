namespace SmartOverhalla.Alerts;

/// <summary>
/// The sink that is always there: a structured log record per raise (Warning) and clear (Information), so an
/// alert is visible in the host's log even when no webhook is configured or it is down.
/// </summary>
public sealed class LogAlertNotifier(ILogger<LogAlertNotifier> logger) : IAlertNotifier
{
    public string Name => "log";

    public Task NotifyAsync(Alert alert, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alert);
        if (alert.Active)
        {
            Log.AlertRaised(logger, alert.Id, alert.Type, alert.Kind, alert.Municipality, alert.Device, AlertCatalogue.WireName(alert.Severity), alert.Message);
        }
        else
        {
            Log.AlertCleared(logger, alert.Id, alert.Type, alert.Kind, alert.Municipality, alert.Device, alert.ClearedBy ?? "unknown", alert.ClearedMessage ?? string.Empty);
        }

        return Task.CompletedTask;
    }
}
