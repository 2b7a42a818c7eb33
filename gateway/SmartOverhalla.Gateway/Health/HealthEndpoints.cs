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

        endpoints.MapGet("/health", async (ReadinessReportCache readiness, HttpContext context, CancellationToken ct) =>
                Respond(await readiness.GetAsync(ct), context))
            .WithName("GetHealth")
            .WithTags(Tag)
            .WithSummary("Readiness: are the gateway's dependencies usable?")
            .WithDescription("Checks the MQTT broker (the embedded broker listens, or the external broker accepts a connection) and InfluxDB (answers ping). 200 when all are healthy or degraded, 503 when one is unhealthy; the body names each check with its status, description and duration. The checks run at most once per Health:ReadinessCacheDuration (default 5 s) and never twice at once, so the answer can be that old. Anonymous; the per-check data (endpoint, counters) is shown only to callers with a valid API key.")
            .Produces<HealthReportResponse>(StatusCodes.Status200OK)
            .Produces<HealthReportResponse>(StatusCodes.Status503ServiceUnavailable)
            .AddOpenApiOperationTransformer(DescribeResponses(
                "All dependencies are usable.",
                "At least one dependency is unhealthy; see the failing check's description."));

        endpoints.MapGet("/health/live", async (HealthCheckService health, HttpContext context, CancellationToken ct) =>
                Respond(await health.CheckHealthAsync(r => r.Tags.Contains(HealthChecksRegistration.LiveTag), ct), context))
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

    private static IResult Respond(HealthReport report, HttpContext context)
    {
        // No HTTP cache may keep it: the gateway's own readiness cache already bounds how old it can be.
        context.Response.Headers.CacheControl = "no-store, no-cache";
        var statusCode = report.Status == HealthStatus.Unhealthy ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status200OK;

        // Status codes and descriptions are for everyone (orchestrators call anonymously); the figures (endpoints,
        // broker counters) only for callers the API-key handler authenticated.
        var includeData = context.User.Identity?.IsAuthenticated == true;
        return Results.Json(HealthReportResponse.From(report, includeData), statusCode: statusCode);
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
