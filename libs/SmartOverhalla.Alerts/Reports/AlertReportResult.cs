namespace SmartOverhalla.Alerts.Reports;

/// <summary>The answer of <c>POST /api/v1/alerts/reports</c>: one outcome per report, in order, and the alert concerned.</summary>
public sealed record AlertReportResult(IReadOnlyList<AlertReportOutcome> Outcomes, IReadOnlyList<Guid?> AlertIds);
