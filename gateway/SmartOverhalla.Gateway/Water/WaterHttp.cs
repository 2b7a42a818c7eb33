using Microsoft.AspNetCore.Http.HttpResults;
using SmartOverhalla.Gateway.Audit;
using SmartOverhalla.Influx;

namespace SmartOverhalla.Gateway.Water;

/// <summary>What every water endpoint answers alike: problem details naming the field, InfluxDB unavailable, the audit entry of a request.</summary>
internal static class WaterHttp
{
    public const string Prefix = "/api/v1/water";

    public static ValidationProblem Invalid(Dictionary<string, string[]> errors, string title) =>
        TypedResults.ValidationProblem(errors, title: title, detail: string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(", ", e.Value)}")));

    public static ValidationProblem Invalid(string field, string message, string title) =>
        Invalid(new Dictionary<string, string[]>(StringComparer.Ordinal) { [field] = [message] }, title);

    public static ProblemHttpResult NotFound(string title, string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: title, detail: detail);

    public static ProblemHttpResult Conflict(string title, string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: title, detail: detail);

    public static ProblemHttpResult Unavailable(InfluxException ex) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status503ServiceUnavailable,
            title: "The water series cannot be read now",
            detail: $"InfluxDB did not answer the query: {ex.ServerMessage ?? ex.Message}");

    /// <summary>The caller's API key name: who acted.</summary>
    public static string Actor(HttpContext http) => http?.User.Identity?.Name ?? "unknown";

    public static ValueTask AuditAsync(this IAuditLog audit, HttpContext http, TimeProvider time, string action, string target, string? details, CancellationToken cancellationToken) =>
        audit.RecordAsync(new AuditEntry(Actor(http), action, target, details, time.GetUtcNow()), cancellationToken);
}
