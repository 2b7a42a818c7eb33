using System.Net.Http.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SmartOverhalla.Alerts.Reports;

namespace SmartOverhalla.Analytics.Alerts;

/// <summary>
/// Posts reports to the gateway (<c>POST /api/v1/alerts/reports</c>) with the service's API key, in batches of at most
/// <see cref="AlertReportBatch.MaxReports"/>; retried by the HttpClient's resilience handler
/// (<see cref="AlertReportingExtensions"/>). A refusal or an exhausted retry throws, failing the job's window.
/// </summary>
internal sealed class GatewayAlertReporter(IHttpClientFactory httpClientFactory, IOptions<AlertReportingOptions> options, ILogger<GatewayAlertReporter> logger) : IAlertReporter
{
    public const string HttpClientName = "SmartOverhalla.Analytics.AlertReports";

    public async Task ReportAsync(IReadOnlyList<AlertReport> reports, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reports);
        if (reports.Count == 0)
        {
            return;
        }

        var settings = options.Value;
        if (settings.GatewayUrl is null)
        {
            throw new InvalidOperationException(
                $"{reports.Count} alert reports cannot be sent: {AlertReportingOptions.SectionName}:{nameof(AlertReportingOptions.GatewayUrl)} is not set.");
        }

        var client = httpClientFactory.CreateClient(HttpClientName);
        foreach (var batch in reports.Chunk(AlertReportBatch.MaxReports))
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(settings.GatewayUrl, "api/v1/alerts/reports"))
            {
                Content = JsonContent.Create(new AlertReportBatch(batch), AlertReportJsonContext.Default.AlertReportBatch),
            };
            request.Headers.Add("X-Api-Key", settings.ApiKey);
            using var response = await client.SendAsync(request, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                var body = await response.Content.ReadAsStringAsync(cancellationToken);
                throw new HttpRequestException(
                    $"The gateway at {settings.GatewayUrl.Host} refused {batch.Length} alert reports: HTTP {(int)response.StatusCode} {Bounded(body)}",
                    inner: null,
                    response.StatusCode);
            }

            var result = await response.Content.ReadFromJsonAsync(AlertReportJsonContext.Default.AlertReportResult, cancellationToken);
            Log.AlertsReported(logger, batch.Length, settings.GatewayUrl.Host, result?.Outcomes.Count(o => o != AlertReportOutcome.Unchanged) ?? 0);
        }
    }

    private static string Bounded(string text) => text.Length > 500 ? text[..500] + "…" : text;
}
