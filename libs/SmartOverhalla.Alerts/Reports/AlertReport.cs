namespace SmartOverhalla.Alerts.Reports;

/// <summary>
/// One condition a derived-data job found, sent to the gateway's alert central (<c>POST /api/v1/alerts/reports</c>).
/// Reports are idempotent: a job that runs a window again reports the same state again, which changes nothing.
/// </summary>
/// <param name="Kind">The kind of the alert type (its catalogue entry), e.g. <c>watermeter</c>.</param>
/// <param name="Device">Which one: a device, district or road segment id.</param>
/// <param name="Type">The alert type, e.g. <c>leak</c>.</param>
/// <param name="At">Event time of the finding: up to when the condition was seen to hold (active), or when it ended (cleared).</param>
/// <param name="Job">The reporting job, e.g. <c>water-leaks</c>; recorded as the alert's source and as who cleared it.</param>
/// <param name="Since">For an active condition: when it began, the alert's raise time (default: <paramref name="At"/>).</param>
/// <param name="Detail">Short free text for staff (never personal data).</param>
/// <param name="Values">Figures that go with the alert (e.g. <c>estimatedLitresLost</c>), camelCase names, finite numbers.</param>
public sealed record AlertReport(
    string Municipality,
    string Kind,
    string Device,
    string Type,
    AlertReportState State,
    DateTimeOffset At,
    string Job,
    DateTimeOffset? Since = null,
    string? Detail = null,
    IReadOnlyDictionary<string, double>? Values = null);
