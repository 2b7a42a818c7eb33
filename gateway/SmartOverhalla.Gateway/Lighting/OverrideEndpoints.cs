using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using SmartOverhalla.Contracts.Topics;
using SmartOverhalla.Gateway.Audit;
using SmartOverhalla.Gateway.Security;
using SmartOverhalla.Lighting.Reloading;

namespace SmartOverhalla.Gateway.Lighting;

/// <summary>
/// Operators override a light or a zone: set (validated, RFC 9457 problem details), list, cancel. Who set an
/// override is the API key's name; a <c>requestedBy</c> in the body is ignored (kept for old clients). Every set and
/// cancel is written to the audit log.
/// </summary>
internal static class OverrideEndpoints
{
    private static readonly TimeSpan LongestOverride = TimeSpan.FromDays(31);

    public static IEndpointRouteBuilder MapOverrideEndpoints(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var group = app.MapGroup("/api/v1/lighting/overrides").WithTags("Lighting").RequireAuthorization(ApiPolicies.Operator);

        group.MapPost("/", CreateAsync)
            .WithName("CreateOverride")
            .WithSummary("Override a light or a zone")
            .WithDescription("Sets one light (lightId) or every light of a zone (zoneId) to a level until an end time, with a reason. Who set it is the API key's name (a `requestedBy` in the body is ignored). A light's own override beats its zone's; the newest wins otherwise. It takes effect at the next control round and ends on its own.")
            .ProducesValidationProblem();

        group.MapGet("/", (OverrideStore store) => TypedResults.Ok(store.Active()))
            .WithName("ListOverrides")
            .WithSummary("Overrides in force")
            .WithDescription("Every override in force now, newest first.");

        group.MapDelete("/{id:guid}", CancelAsync)
            .WithName("CancelOverride")
            .WithSummary("Cancel an override")
            .WithDescription("Ends the override now; the light or zone returns to its schedule at the next control round.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<Results<Created<LightingOverride>, ValidationProblem>> CreateAsync(
        OverrideRequest request, ClaimsPrincipal user, OverrideStore store, IZoneConfigurationSource zones, IAuditLog audit, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var actor = ActorOf(user);
        var now = timeProvider.GetUtcNow();
        var configuration = zones.Current;
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        void Problem(string field, string message) => errors[field] = [.. errors.GetValueOrDefault(field, []), message];

        var municipality = request.Municipality ?? configuration.Municipality;
        if (!DeviceTopic.IsValidMunicipality(municipality))
        {
            Problem("municipality", "must be 2-40 lower-case letters, digits or '-', starting with a letter");
        }

        switch (request)
        {
            case { ZoneId: null, LightId: null }:
                Problem("zoneId", "give a zoneId or a lightId");
                break;
            case { ZoneId: not null, LightId: not null }:
                Problem("zoneId", "give a zoneId or a lightId, not both");
                break;
            case { ZoneId: { } zoneId } when configuration.FindZone(zoneId) is null || municipality != configuration.Municipality:
                Problem("zoneId", $"there is no lighting zone '{zoneId}' in {municipality}");
                break;
            case { LightId: { } lightId } when !DeviceTopic.IsValidDeviceId(lightId):
                Problem("lightId", "must be 1-64 ASCII letters, digits, '-' or '_', starting with a letter or digit");
                break;
        }

        if (request.Level is not { } level)
        {
            Problem("level", "is required (0-100)");
        }
        else if (level is < 0 or > 100)
        {
            Problem("level", $"must be 0-100 %; got {level}");
        }

        if (request.Until is not { } until)
        {
            Problem("until", "is required: when the override ends (RFC 3339, e.g. 2026-12-24T02:00:00+01:00)");
        }
        else if (until <= now)
        {
            Problem("until", $"must be in the future; it is {until:O}, now is {now:O}");
        }
        else if (until - now > LongestOverride)
        {
            Problem("until", $"may be at most {LongestOverride.TotalDays:0} days ahead; use the zone's profile for lasting changes");
        }

        if (string.IsNullOrWhiteSpace(request.Reason) || request.Reason.Length > 200)
        {
            Problem("reason", "is required, at most 200 characters");
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The override was not set", detail: string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(", ", e.Value)}")));
        }

        var item = new LightingOverride(Guid.CreateVersion7(), municipality, request.ZoneId, request.LightId, request.Level!.Value, request.Until!.Value, request.Reason!.Trim(), actor, now);
        await store.AddAsync(item, cancellationToken);
        var target = item.ZoneId is { } zone ? $"zone:{municipality}/{zone}" : $"light:{municipality}/{item.LightId}";
        await audit.RecordAsync(
            new AuditEntry(actor, AuditActions.OverrideSet, target, string.Create(CultureInfo.InvariantCulture, $"id={item.Id} level={item.Level} until={item.Until:O} reason={item.Reason}"), now),
            cancellationToken);
        return TypedResults.Created($"/api/v1/lighting/overrides/{item.Id}", item);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> CancelAsync(
        Guid id, ClaimsPrincipal user, OverrideStore store, IAuditLog audit, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var cancelled = store.Active().FirstOrDefault(o => o.Id == id);
        if (!await store.CancelAsync(id, cancellationToken))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown override", detail: $"There is no override {id} in force.");
        }

        var details = cancelled is null ? null : $"{(cancelled.ZoneId is not null ? "zone" : "light")}={cancelled.Municipality}/{cancelled.ZoneId ?? cancelled.LightId} setBy={cancelled.SetBy}";
        await audit.RecordAsync(new AuditEntry(ActorOf(user), AuditActions.OverrideCancel, $"override:{id}", details, timeProvider.GetUtcNow()), cancellationToken);
        return TypedResults.NoContent();
    }

    /// <summary>The API key's name: the authorization policy guarantees an authenticated user.</summary>
    private static string ActorOf(ClaimsPrincipal user) =>
        user.Identity?.Name ?? throw new InvalidOperationException("An override endpoint ran without an authenticated API key.");
}
