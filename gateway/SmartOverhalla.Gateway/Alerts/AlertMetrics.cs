using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace SmartOverhalla.Gateway.Alerts;

/// <summary>
/// Alert counters as <see cref="System.Diagnostics.Metrics"/> instruments (meter <see cref="MeterName"/>) and as
/// running totals, so a failing webhook shows up on a dashboard and in tests.
/// </summary>
internal sealed class AlertMetrics
{
    public const string MeterName = "SmartOverhalla.Gateway.Alerts";

    public const string Delivered = "delivered";
    public const string Failed = "failed";
    public const string Dropped = "dropped";

    private readonly Counter<long> _raised;
    private readonly Counter<long> _cleared;
    private readonly Counter<long> _notifications;
    private readonly Counter<long> _recordsFailed;
    private readonly ConcurrentDictionary<(string Sink, string Outcome), long> _totals = new();
    private long _recordsFailedTotal;

    public AlertMetrics(IMeterFactory meterFactory, AlertLedger ledger)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        ArgumentNullException.ThrowIfNull(ledger);
        var meter = meterFactory.Create(MeterName);
        _raised = meter.CreateCounter<long>("smartoverhalla.alerts.raised", "{alert}", "Alerts raised (duplicates of an open alert not counted).");
        _cleared = meter.CreateCounter<long>("smartoverhalla.alerts.cleared", "{alert}", "Alerts cleared.");
        _notifications = meter.CreateCounter<long>("smartoverhalla.alerts.notifications", "{notification}", "Raise and clear notifications per sink and outcome (delivered, failed, dropped).");
        _recordsFailed = meter.CreateCounter<long>("smartoverhalla.alerts.records.failed", "{alert}", "Alert changes that could not be written to InfluxDB.");
        meter.CreateObservableGauge("smartoverhalla.alerts.open", () => ledger.OpenCount, "{alert}", "Alerts open now.");
    }

    public long RecordsFailedTotal => Interlocked.Read(ref _recordsFailedTotal);

    /// <summary>Notifications of <paramref name="sink"/> with <paramref name="outcome"/> since start.</summary>
    public long Total(string sink, string outcome) => _totals.GetValueOrDefault((sink, outcome));

    public void Changed(Alert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var tag = new KeyValuePair<string, object?>("alert.type", AlertCatalogue.WireName(alert.Type));
        (alert.Active ? _raised : _cleared).Add(1, tag);
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
