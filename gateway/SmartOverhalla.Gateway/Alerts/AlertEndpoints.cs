using System.ComponentModel;
using Microsoft.AspNetCore.Http.HttpResults;
using SmartOverhalla.Contracts.Topics;
using SmartOverhalla.Gateway.Security;

namespace SmartOverhalla.Gateway.Alerts;

/// <summary>Operators read alerts: open and recently cleared, filtered; an invalid filter is a 400 naming the parameter.</summary>
internal static class AlertEndpoints
{
    internal static IEndpointRouteBuilder MapAlerts(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/api/v1/alerts", List)
            .RequireAuthorization(ApiPolicies.Operator)
            .WithTags("Alerts")
            .WithName("ListAlerts")
            .WithSummary("Alerts: lamp failures, driver faults, unresponsive lights")
            .WithDescription("Open alerts and those cleared within Alerts:ClearedRetention (7 days), open first, then newest first. " +
                "There is at most one open alert per device and type: a light that repeats its fault does not raise a second. " +
                "A lamp or driver alert ends when the light sends `recovered`; an unresponsive one when the light acks a command. " +
                "History beyond the retention is in InfluxDB, measurement `alert`.")
            .ProducesValidationProblem();
        return app;
    }

    private static Results<Ok<IReadOnlyList<Alert>>, ValidationProblem> List(
        AlertCentral alerts,
        [Description("true: only open alerts; false: only cleared ones; absent: both.")] string? active = null,
        [Description("lampFailure, driverFault or unresponsive.")] string? type = null,
        [Description("Municipality slug, e.g. overhalla.")] string? municipality = null,
        [Description("Device id, e.g. sim-light-0003.")] string? device = null)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        bool? activeFilter = null;
        if (active is not null)
        {
            if (bool.TryParse(active, out var value))
            {
                activeFilter = value;
            }
            else
            {
                errors["active"] = ["must be true or false"];
            }
        }

        AlertType? typeFilter = null;
        if (type is not null)
        {
            if (AlertCatalogue.TryParse(type, out var value))
            {
                typeFilter = value;
            }
            else
            {
                errors["type"] = [$"must be one of {string.Join(", ", AlertCatalogue.WireNames)}"];
            }
        }

        if (municipality is not null && !DeviceTopic.IsValidMunicipality(municipality))
        {
            errors["municipality"] = ["must be 2-40 lower-case letters, digits or '-', starting with a letter"];
        }

        if (device is not null && !DeviceTopic.IsValidDeviceId(device))
        {
            errors["device"] = ["must be 1-64 ASCII letters, digits, '-' or '_', starting with a letter or digit"];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(
                errors,
                title: "Invalid alert filter",
                detail: string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(", ", e.Value)}")));
        }

        return TypedResults.Ok(alerts.Query(new AlertFilter(activeFilter, typeFilter, municipality, device)));
    }
}
