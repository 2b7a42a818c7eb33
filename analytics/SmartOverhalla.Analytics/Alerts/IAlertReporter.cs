using SmartOverhalla.Alerts.Reports;

namespace SmartOverhalla.Analytics.Alerts;

/// <summary>
/// Where a job reports the alert conditions it finds: the gateway's alert central (one ledger, one notifier for the whole
/// platform). Throws when the reports could not be delivered, so the job's window fails and is computed (and reported)
/// again at the next run: reports are idempotent.
/// </summary>
internal interface IAlertReporter
{
    Task ReportAsync(IReadOnlyList<AlertReport> reports, CancellationToken cancellationToken);
}
