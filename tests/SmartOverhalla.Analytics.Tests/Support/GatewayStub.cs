using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using SmartOverhalla.Alerts.Reports;

namespace SmartOverhalla.Analytics.Tests.Support;

/// <summary>
/// A stand-in for the two gateway endpoints the water jobs call, on 127.0.0.1 (a tiny Kestrel app): the meter directory
/// (<c>GET /api/v1/water/meters</c>, answering <see cref="Directory"/> in the gateway's exact shape, or
/// <see cref="DirectoryStatus"/> when it is not 200) and the alert reports (<c>POST /api/v1/alerts/reports</c>, recorded
/// in order). Both check the service key. The database the jobs use is always the real InfluxDB.
/// </summary>
internal sealed class GatewayStub : IAsyncDisposable
{
    public const string ApiKey = "service-key-for-tests";

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<AlertReport> _reports = new();
    private int _directoryRequests;

    private GatewayStub(WebApplication app) => _app = app;

    public Uri Url { get; private set; } = null!;

    /// <summary>The directory's meters as (municipality, meter, role, district).</summary>
    public List<(string Municipality, string Meter, string Role, string District)> Directory { get; } = [];

    public int DirectoryStatus { get; set; } = StatusCodes.Status200OK;

    public int DirectoryRequests => _directoryRequests;

    public IReadOnlyList<AlertReport> Reports => [.. _reports];

    public void ClearReports() => _reports.Clear();

    public static async Task<GatewayStub> StartAsync(CancellationToken ct)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var stub = new GatewayStub(app);
        app.MapGet("/api/v1/water/meters", (HttpContext context, string municipality) =>
        {
            Interlocked.Increment(ref stub._directoryRequests);
            if (context.Request.Headers["X-Api-Key"] != ApiKey)
            {
                return Results.StatusCode(StatusCodes.Status401Unauthorized);
            }

            if (stub.DirectoryStatus != StatusCodes.Status200OK)
            {
                return Results.StatusCode(stub.DirectoryStatus);
            }

            var meters = stub.Directory.Where(m => m.Municipality == municipality)
                .Select(m => new { municipality = m.Municipality, meter = m.Meter, role = m.Role, district = m.District });
            return Results.Text(JsonSerializer.Serialize(new { meters }), "application/json");
        });
        app.MapPost("/api/v1/alerts/reports", async (HttpContext context) =>
        {
            if (context.Request.Headers["X-Api-Key"] != ApiKey)
            {
                return Results.StatusCode(StatusCodes.Status401Unauthorized);
            }

            var batch = await JsonSerializer.DeserializeAsync(context.Request.Body, AlertReportJsonContext.Default.AlertReportBatch, context.RequestAborted);
            foreach (var report in batch!.Reports)
            {
                stub._reports.Enqueue(report);
            }

            var result = new AlertReportResult([.. batch.Reports.Select(_ => AlertReportOutcome.Unchanged)], [.. batch.Reports.Select(_ => (Guid?)null)]);
            return Results.Text(JsonSerializer.Serialize(result, AlertReportJsonContext.Default.AlertReportResult), "application/json");
        });
        await app.StartAsync(ct);
        stub.Url = new Uri($"http://127.0.0.1:{new Uri(app.Urls.Single()).Port}/");
        return stub;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
