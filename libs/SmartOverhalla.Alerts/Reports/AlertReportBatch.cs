namespace SmartOverhalla.Alerts.Reports;

/// <summary>The body of <c>POST /api/v1/alerts/reports</c>: up to <see cref="MaxReports"/> reports, handled in order.</summary>
public sealed record AlertReportBatch(IReadOnlyList<AlertReport> Reports)
{
    public const int MaxReports = 1_000;
}
