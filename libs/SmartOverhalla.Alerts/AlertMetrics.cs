using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace SmartOverhalla.Alerts;

/// <summary>
/// Alert counters as <see cref="System.Diagnostics.Metrics"/> instruments (meter <see cref="MeterName"/>) and as
/// running totals, so a failing webhook shows up on a dashboard and in tests.
/// </summary>
public sealed class AlertMetrics
{
    public const string MeterName = "SmartOverhalla.Alerts";

    public const string Raised = "raised";
    public const string Updated = "updated";
    public const string Cleared = "cleared";

    public const string Delivered = "delivered";
    public const string Failed = "failed";
    public const string Dropped = "dropped";

    private readonly Counter<long> _changes;
    private readonly Counter<long> _notifications;
    private readonly Counter<long> _recordsFailed;
    private readonly ConcurrentDictionary<(string Sink, string Outcome), long> _totals = new();
    private long _recordsFailedTotal;

    public AlertMetrics(IMeterFactory meterFactory, AlertLedger ledger)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        ArgumentNullException.ThrowIfNull(ledger);
        var meter = meterFactory.Create(MeterName);
        _changes = meter.CreateCounter<long>("smartoverhalla.alerts.changes", "{alert}", "Alerts raised, updated and cleared, per domain, type and change (duplicates of an open alert not counted).");
        _notifications = meter.CreateCounter<long>("smartoverhalla.alerts.notifications", "{notification}", "Raise and clear notifications per sink and outcome (delivered, failed, dropped).");
        _recordsFailed = meter.CreateCounter<long>("smartoverhalla.alerts.records.failed", "{alert}", "Alert changes that could not be written to InfluxDB.");
        meter.CreateObservableGauge("smartoverhalla.alerts.open", () => ledger.OpenCount, "{alert}", "Alerts open now.");
    }

    public long RecordsFailedTotal => Interlocked.Read(ref _recordsFailedTotal);

    /// <summary>Notifications of <paramref name="sink"/> with <paramref name="outcome"/> since start.</summary>
    public long Total(string sink, string outcome) => _totals.GetValueOrDefault((sink, outcome));

    public void Changed(Alert alert, string change)
    {
        ArgumentNullException.ThrowIfNull(alert);
        _changes.Add(
            1,
            new KeyValuePair<string, object?>("alert.domain", alert.Domain),
            new KeyValuePair<string, object?>("alert.type", alert.Type),
            new KeyValuePair<string, object?>("alert.change", change));
    }

    public void Notification(string sink, string outcome)
    {
        _totals.AddOrUpdate((sink, outcome), 1, static (_, n) => n + 1);
        _notifications.Add(1, new KeyValuePair<string, object?>("alert.sink", sink), new KeyValuePair<string, object?>("alert.outcome", outcome));
    }

    public void RecordsFailed(int count)
    {
        Interlocked.Add(ref _recordsFailedTotal, count);
        _recordsFailed.Add(count);
    }
}
