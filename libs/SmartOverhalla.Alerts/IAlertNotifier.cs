namespace SmartOverhalla.Alerts;

/// <summary>
/// A sink that tells people about alerts: called once when an alert is raised (<see cref="Alert.Active"/>) and once
/// when it is cleared. Each sink is fed by its own queue (<see cref="AlertNotificationDispatcher"/>), so a slow or
/// failing sink delays neither control nor the other sinks.
/// </summary>
public interface IAlertNotifier
{
    /// <summary>Short name for logs and metrics, e.g. <c>log</c>, <c>webhook</c>.</summary>
    string Name { get; }

    /// <summary>Delivers one raise or clear; throws <see cref="AlertDeliveryException"/> when it finally could not.</summary>
    Task NotifyAsync(Alert alert, CancellationToken cancellationToken);
}
