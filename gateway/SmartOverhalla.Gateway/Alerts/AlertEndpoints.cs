using System.ComponentModel;
using Microsoft.AspNetCore.Http.HttpResults;
using SmartOverhalla.Alerts;
using SmartOverhalla.Alerts.Reports;
using Microsoft.Extensions.Options;
using SmartOverhalla.Contracts.Topics;
using SmartOverhalla.Gateway.Security;

namespace SmartOverhalla.Gateway.Alerts;

/// <summary>
/// Operators read alerts (open and recently cleared, filtered; an invalid filter is a 400 naming the parameter), and
/// platform services report the alerts their jobs find, into the same ledger, series and webhook.
/// </summary>
internal static class AlertEndpoints
{
    internal static IEndpointRouteBuilder MapAlerts(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/api/v1/alerts", List)
            .RequireAuthorization(ApiPolicies.Operator)
            .WithTags("Alerts")
            .WithName("ListAlerts")
            .WithSummary("Alerts of every domain: lamp failures, driver faults, unresponsive lights, and what analytics jobs find")
            .WithDescription("Open alerts and those cleared within Alerts:ClearedRetention (7 days), open first, then newest first. " +
                "There is at most one open alert per device and type: a light that repeats its fault does not raise a second. " +
                "A lamp or driver alert ends when the light sends `recovered`; an unresponsive one when the light acks a command; " +
                "one an analytics job found, when the job reports the condition has ended. " +
                "History beyond the retention is in InfluxDB, measurement `alert`.")
            .ProducesValidationProblem();

        app.MapPost("/api/v1/alerts/reports", Report)
            .RequireAuthorization(ApiPolicies.Service)
            .WithTags("Alerts")
            .WithName("ReportAlerts")
            .WithSummary("Report conditions found by a platform service (the analytics host)")
            .WithDescription("Up to 1000 reports, applied in order: `active` raises the alert (at `since`, default `at`) or, when it is open, " +
                "records new `values` at `at`; `cleared` clears it at `at`. Reports are idempotent: the same report again changes nothing. " +
                "Each report's kind and type must be in the alert catalogue. Raises and clears go to the `alert` series and the notifiers like any other alert. " +
                "A bad report gets a 400 naming each field (`reports[i].type`, ...), and no report of the batch is applied.")
            .ProducesValidationProblem();
        return app;
    }

    private static Results<Ok<AlertReportResult>, ValidationProblem> Report(
        AlertReportBatch batch, AlertCentral alerts, AlertReportHandler handler, IOptions<SmartOverhalla.Contracts.Validation.ValidationOptions> validation, TimeProvider timeProvider)
    {
        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        if (batch?.Reports is not { Count: > 0 and <= AlertReportBatch.MaxReports } reports)
        {
            errors["reports"] = [$"give 1 to {AlertReportBatch.MaxReports} reports"];
        }
        else
        {
            var now = timeProvider.GetUtcNow();
            for (var i = 0; i < reports.Count; i++)
            {
                if (reports[i] is null)
                {
                    errors.TryAdd($"reports[{i}]", []);
                    errors[$"reports[{i}]"].Add("must not be null");
                    continue;
                }

                foreach (var (field, reason) in AlertReportRules.Problems(reports[i], i, alerts.Catalogue, now, validation.Value.MaxAge))
                {
                    errors.TryAdd(field, []);
                    errors[field].Add(reason);
                }
            }
        }

        if (errors.Count > 0)
        {
            var problems = errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);
            return TypedResults.ValidationProblem(
                problems,
                title: "Invalid alert reports",
                detail: string.Join("; ", problems.Take(10).Select(e => $"{e.Key}: {string.Join(", ", e.Value)}")));
        }

        return TypedResults.Ok(handler.Apply(batch!));
    }

    private static Results<Ok<IReadOnlyList<Alert>>, ValidationProblem> List(
        AlertCentral alerts,
        [Description("true: only open alerts; false: only cleared ones; absent: both.")] string? active = null,
        [Description("An alert type of the catalogue, e.g. lampFailure, driverFault, unresponsive.")] string? type = null,
        [Description("Municipality slug, e.g. overhalla.")] string? municipality = null,
        [Description("Device (or district, road segment) id, e.g. sim-light-0003.")] string? device = null,
        [Description("A domain of the alert catalogue, e.g. lighting or water.")] string? domain = null,
        [Description("What the alert is about, e.g. streetlight, watermeter.")] string? kind = null)
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

        var catalogue = alerts.Catalogue;
        if (type is not null && !catalogue.HasType(type))
        {
            errors["type"] = [$"must be one of {string.Join(", ", catalogue.TypeNames)}"];
        }

        if (domain is not null && !catalogue.Domains.Contains(domain, StringComparer.Ordinal))
        {
            errors["domain"] = [$"must be one of {string.Join(", ", catalogue.Domains)}"];
        }

        if (kind is not null && !catalogue.Definitions.Any(d => d.Kind == kind))
        {
            errors["kind"] = [$"must be one of {string.Join(", ", catalogue.Definitions.Select(d => d.Kind).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))}"];
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

        return TypedResults.Ok(alerts.Query(new AlertFilter(activeFilter, type, municipality, device, domain, kind)));
    }
}
