using System.Globalization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.OpenApi;

namespace SmartOverhalla.Gateway.Health;

/// <summary>
/// <c>/health</c> (readiness: the broker and InfluxDB are usable) and <c>/health/live</c> (the process answers).
/// Mapped as minimal-API handlers rather than with <c>MapHealthChecks</c>, so they appear in the OpenAPI document.
/// </summary>
internal static class HealthEndpoints
{
    public const string Tag = "Health";

    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);

        endpoints.MapGet("/health", (HealthCheckService health, HttpContext context, CancellationToken ct) =>
                RunAsync(health, context, HealthChecksRegistration.ReadyTag, ct))
            .WithName("GetHealth")
            .WithTags(Tag)
            .WithSummary("Readiness: are the gateway's dependencies usable?")
            .WithDescription("Checks the MQTT broker (the embedded broker listens, or the external broker accepts a connection) and InfluxDB (answers ping). 200 when all are healthy or degraded, 503 when one is unhealthy; the body names each check with its status, description and duration.")
            .Produces<HealthReportResponse>(StatusCodes.Status200OK)
            .Produces<HealthReportResponse>(StatusCodes.Status503ServiceUnavailable)
            .AddOpenApiOperationTransformer(DescribeResponses(
                "All dependencies are usable.",
                "At least one dependency is unhealthy; see the failing check's description."));

        endpoints.MapGet("/health/live", (HealthCheckService health, HttpContext context, CancellationToken ct) =>
                RunAsync(health, context, HealthChecksRegistration.LiveTag, ct))
            .WithName("GetLiveness")
            .WithTags(Tag)
            .WithSummary("Liveness: is the gateway process responsive?")
            .WithDescription("Answers without checking any dependency, for a container liveness probe: a restart does not fix an unreachable InfluxDB.")
            .Produces<HealthReportResponse>(StatusCodes.Status200OK)
            .Produces<HealthReportResponse>(StatusCodes.Status503ServiceUnavailable)
            .AddOpenApiOperationTransformer(DescribeResponses(
                "The process is alive.",
                "A liveness check failed; restarting the process may help."));

        return endpoints;
    }

    private static async Task<IResult> RunAsync(HealthCheckService health, HttpContext context, string tag, CancellationToken ct)
    {
        var report = await health.CheckHealthAsync(r => r.Tags.Contains(tag), ct);

        // Probes must see the current state, never a cached answer.
        context.Response.Headers.CacheControl = "no-store, no-cache";
        var statusCode = report.Status == HealthStatus.Unhealthy ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status200OK;
        return Results.Json(HealthReportResponse.From(report), statusCode: statusCode);
    }

    /// <summary>Replaces the generic reason phrases ("OK") with what each status code means for this endpoint.</summary>
    private static Func<OpenApiOperation, OpenApiOperationTransformerContext, CancellationToken, Task> DescribeResponses(string ok, string unavailable) =>
        (operation, _, _) =>
        {
            if (operation.Responses is { } responses)
            {
                Describe(responses, StatusCodes.Status200OK, ok);
                Describe(responses, StatusCodes.Status503ServiceUnavailable, unavailable);
            }

            return Task.CompletedTask;
        };

    private static void Describe(OpenApiResponses responses, int statusCode, string description)
    {
        if (responses.TryGetValue(statusCode.ToString(CultureInfo.InvariantCulture), out var response) && response is OpenApiResponse concrete)
        {
            concrete.Description = description;
        }
    }
}
