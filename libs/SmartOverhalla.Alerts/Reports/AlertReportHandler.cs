using Microsoft.Extensions.Options;

namespace SmartOverhalla.Alerts.Reports;

/// <summary>
/// Applies reports to the alert central, in order: active raises or updates, cleared clears. A report of a condition last
/// seen longer ago than the ledger remembers cleared alerts (<see cref="AlertsOptions.ClearedRetention"/>) raises nothing:
/// it is history (a backfill), and after a restart the ledger could no longer tell it from a new problem.
/// </summary>
public sealed class AlertReportHandler(AlertCentral central, IOptions<AlertsOptions> options, TimeProvider timeProvider)
{
    public AlertReportResult Apply(AlertReportBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var outcomes = new List<AlertReportOutcome>(batch.Reports.Count);
        var ids = new List<Guid?>(batch.Reports.Count);
        foreach (var report in batch.Reports)
        {
            var key = new AlertKey(report.Municipality, report.Kind, report.Device, report.Type);
            var (outcome, alert) = Apply(key, report);
            outcomes.Add(outcome);
            ids.Add(alert?.Id ?? central.Open(key)?.Id);
        }

        return new AlertReportResult(outcomes, ids);
    }

    private (AlertReportOutcome, Alert?) Apply(AlertKey key, AlertReport report)
    {
        if (report.State == AlertReportState.Cleared)
        {
            var cleared = central.Clear(key, report.At, report.Job);
            return cleared is null ? (AlertReportOutcome.Unchanged, null) : (AlertReportOutcome.Cleared, cleared);
        }

        if (report.At < timeProvider.GetUtcNow() - options.Value.ClearedRetention && central.Open(key) is null)
        {
            return (AlertReportOutcome.Unchanged, null);
        }

        var raised = central.Raise(key, report.Since ?? report.At, new AlertSource(AlertSource.DerivedData, Detail: report.Detail, Job: report.Job), report.Values);
        if (raised is not null)
        {
            return (AlertReportOutcome.Raised, raised);
        }

        // Already open: the job reports the same condition at every run; only newer figures change it (a rerun of an
        // older window, with an older At, changes nothing).
        if (report.Values is { Count: > 0 } values)
        {
            var updated = central.Update(key, report.At, values);
            return updated is null ? (AlertReportOutcome.Unchanged, null) : (AlertReportOutcome.Updated, updated);
        }

        return (AlertReportOutcome.Unchanged, null);
    }
}
