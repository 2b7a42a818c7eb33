using Microsoft.AspNetCore.Http.HttpResults;
using SmartOverhalla.Contracts.Topics;
using SmartOverhalla.Lighting.Reloading;

namespace SmartOverhalla.Gateway.Lighting;

/// <summary>Operators override a light or a zone: set (validated, RFC 9457 problem details), list, cancel.</summary>
internal static class OverrideEndpoints
{
    private static readonly TimeSpan LongestOverride = TimeSpan.FromDays(31);

    public static IEndpointRouteBuilder MapOverrideEndpoints(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var group = app.MapGroup("/api/v1/lighting/overrides").WithTags("Lighting");

        group.MapPost("/", CreateAsync)
            .WithName("CreateOverride")
            .WithSummary("Override a light or a zone")
            .WithDescription("Sets one light (lightId) or every light of a zone (zoneId) to a level until an end time, with a reason and who asked. A light's own override beats its zone's; the newest wins otherwise. It takes effect at the next control round and ends on its own.")
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
        OverrideRequest request, OverrideStore store, IZoneConfigurationSource zones, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
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

        if (string.IsNullOrWhiteSpace(request.RequestedBy) || request.RequestedBy.Length > 100)
        {
            Problem("requestedBy", "is required, at most 100 characters");
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The override was not set", detail: string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(", ", e.Value)}")));
        }

        var item = new LightingOverride(Guid.CreateVersion7(), municipality, request.ZoneId, request.LightId, request.Level!.Value, request.Until!.Value, request.Reason!.Trim(), request.RequestedBy!.Trim(), now);
        await store.AddAsync(item, cancellationToken);
        return TypedResults.Created($"/api/v1/lighting/overrides/{item.Id}", item);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> CancelAsync(Guid id, OverrideStore store, CancellationToken cancellationToken) =>
        await store.CancelAsync(id, cancellationToken)
            ? TypedResults.NoContent()
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown override", detail: $"There is no override {id} in force.");
}
