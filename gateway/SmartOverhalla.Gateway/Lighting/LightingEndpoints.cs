using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using SmartOverhalla.Contracts.Topics;
using SmartOverhalla.Gateway.Security;
using SmartOverhalla.Lighting.Planning;
using SmartOverhalla.Lighting.Reloading;
using SmartOverhalla.Time;

namespace SmartOverhalla.Gateway.Lighting;

/// <summary>
/// Operator read endpoints of lighting control: zones, a zone's plan for a night (any role: reference data), and
/// each light's twin (operator).
/// </summary>
internal static class LightingEndpoints
{
    public static IEndpointRouteBuilder MapLightingEndpoints(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var group = app.MapGroup("/api/v1/lighting").WithTags("Lighting");

        group.MapGet("/zones", (IZoneConfigurationSource zones) => TypedResults.Ok(
                zones.Current.Zones.Select(z => new ZoneResponse(z.Id, z.Name, z.Location.Latitude, z.Location.Longitude)).ToList()))
            .RequireAuthorization(ApiPolicies.AnyRole)
            .WithName("ListLightingZones")
            .WithSummary("Lighting zones")
            .WithDescription("The zones of the zones file in force, with the location their sun times are computed for.");

        group.MapGet("/zones/{zoneId}/plan", PlanAsync)
            .RequireAuthorization(ApiPolicies.AnyRole)
            .WithName("GetZonePlan")
            .WithSummary("A zone's dimming plan for one night")
            .WithDescription("Every planned step of the night that starts on the evening of `date` (yyyy-MM-dd, Europe/Oslo; default: today): its rule, level, and time in UTC and local time, and whether it was moved (e.g. no civil dusk at midsummer) or changed by DST.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/lights", ListLights)
            .RequireAuthorization(ApiPolicies.Operator)
            .ProducesValidationProblem()
            .WithName("ListLights")
            .WithSummary("Street lights and their state")
            .WithDescription("Each known light's desired level (and why), the level it acknowledged, the level its telemetry reports, a pending command, and whether it is unresponsive.");
        return app;
    }

    private static Results<Ok<NightPlan>, ProblemHttpResult> PlanAsync(
        string zoneId, string? date, IZoneConfigurationSource zones, DimmingPlanner planner, TimeProvider timeProvider)
    {
        var zone = zones.Current.FindZone(zoneId);
        if (zone is null)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status404NotFound,
                title: "Unknown zone",
                detail: $"There is no lighting zone '{zoneId}'. GET /api/v1/lighting/zones lists them.");
        }

        DateOnly night;
        if (date is null)
        {
            night = NorwegianTime.DateAt(timeProvider.GetUtcNow());
        }
        else if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out night))
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: "Invalid date",
                detail: $"'date' must be a calendar date as yyyy-MM-dd, e.g. 2026-12-21; got '{date}'.");
        }

        return TypedResults.Ok(planner.Plan(zone, night));
    }

    private static Results<Ok<List<LightState>>, ValidationProblem> ListLights(LightStateStore store, string? municipality)
    {
        if (municipality is not null && !DeviceTopic.IsValidMunicipality(municipality))
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["municipality"] = ["must be 2-40 lower-case letters, digits or '-', starting with a letter"] },
                title: "Invalid light filter",
                detail: $"municipality: must be 2-40 lower-case letters, digits or '-', starting with a letter; got '{municipality}'");
        }

        return TypedResults.Ok(store.All.Where(s => municipality is null || s.Municipality == municipality)
            .OrderBy(s => s.Municipality, StringComparer.Ordinal).ThenBy(s => s.LightId, StringComparer.Ordinal)
            .ToList());
    }

    private sealed record ZoneResponse(string Id, string Name, double Latitude, double Longitude);
}
