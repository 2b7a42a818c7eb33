using System.ComponentModel;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;
using SmartOverhalla.Gateway.Security;
using SmartOverhalla.Influx;

namespace SmartOverhalla.Gateway.Audit;

/// <summary>Planners and administrators read the audit log (InfluxDB measurement <c>audit</c>), newest first, filtered.</summary>
internal static partial class AuditEndpoints
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 5_000;
    private static readonly TimeSpan DefaultRange = TimeSpan.FromDays(1);

    public static IEndpointRouteBuilder MapAuditEndpoints(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/api/v1/audit", ListAsync)
            .RequireAuthorization(ApiPolicies.Planner)
            .WithTags("Audit")
            .WithName("ListAuditEntries")
            .WithSummary("Audit log: who did what to which target")
            .WithDescription("Every override set or cancelled (actor: the API key's name), every command lighting control sent (actor: lighting-control), " +
                "and every registry change, newest first. Filters: `from`/`to` (RFC 3339; default: the last 24 hours), `actor`, `action` " +
                "(e.g. override.set, command.setDim), `limit` (1-5000, default 100). Roles: planner, admin.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return app;
    }

    private static async Task<Results<Ok<IReadOnlyList<AuditRecord>>, ValidationProblem, ProblemHttpResult>> ListAsync(
        IInfluxQueryClient influx,
        TimeProvider timeProvider,
        CancellationToken cancellationToken,
        [Description("Earliest entry, RFC 3339 (default: 24 hours before `to`).")] string? from = null,
        [Description("Entries before this instant, RFC 3339 (default: now).")] string? to = null,
        [Description("API key name or service, e.g. lighting-control.")] string? actor = null,
        [Description("e.g. override.set, override.cancel, command.setDim.")] string? action = null,
        [Description("Most entries returned, 1-5000 (default 100).")] string? limit = null)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var end = ParseTime("to", to, timeProvider.GetUtcNow(), errors);
        var start = ParseTime("from", from, (end ?? timeProvider.GetUtcNow()) - DefaultRange, errors);
        if (start is { } s && end is { } e && s >= e)
        {
            errors["from"] = [$"must be before 'to' ({e:O})"];
        }

        if (actor is not null && !Name().IsMatch(actor))
        {
            errors["actor"] = ["must be 1-64 ASCII letters, digits, '-', '_', '.' or ':'"];
        }

        if (action is not null && !Name().IsMatch(action))
        {
            errors["action"] = ["must be 1-64 ASCII letters, digits, '-', '_', '.' or ':'"];
        }

        var count = DefaultLimit;
        if (limit is not null && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out count) || count is < 1 or > MaxLimit))
        {
            errors["limit"] = [$"must be a whole number from 1 to {MaxLimit}; got '{limit}'"];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "Invalid audit filter", detail: string.Join("; ", errors.Select(x => $"{x.Key}: {string.Join(", ", x.Value)}")));
        }

        var where = $"time >= {InfluxQl.FormatTime(start!.Value)} AND time < {InfluxQl.FormatTime(end!.Value)}"
            + (actor is null ? string.Empty : $" AND \"actor\" = {InfluxQl.QuoteString(actor)}")
            + (action is null ? string.Empty : $" AND \"action\" = {InfluxQl.QuoteString(action)}");
        try
        {
            var result = await influx.QueryAsync(
                $"SELECT \"actor\", \"action\", \"target\", \"details\" FROM \"{AuditPoint.Measurement}\" WHERE {where} ORDER BY time DESC LIMIT {count.ToString(CultureInfo.InvariantCulture)}",
                cancellationToken);
            var records = new List<AuditRecord>();
            foreach (var series in result.Series)
            {
                for (var row = 0; row < series.RowCount; row++)
                {
                    records.Add(new AuditRecord(
                        series.GetTime(row),
                        series.GetString(row, "actor") ?? string.Empty,
                        series.GetString(row, "action") ?? string.Empty,
                        series.GetString(row, "target") ?? string.Empty,
                        series.GetString(row, "details")));
                }
            }

            return TypedResults.Ok<IReadOnlyList<AuditRecord>>(records);
        }
        catch (InfluxException ex)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status503ServiceUnavailable,
                title: "The audit log cannot be read now",
                detail: $"InfluxDB did not answer the query: {ex.ServerMessage ?? ex.Message}");
        }
    }

    private static DateTimeOffset? ParseTime(string name, string? text, DateTimeOffset fallback, Dictionary<string, string[]> errors)
    {
        if (text is null)
        {
            return fallback;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
            && text.Contains('T', StringComparison.Ordinal))
        {
            return time;
        }

        errors[name] = [$"must be an RFC 3339 time, e.g. 2026-12-24T02:00:00+01:00; got '{text}'"];
        return null;
    }

    [GeneratedRegex("^[A-Za-z0-9_.:-]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex Name();
}
