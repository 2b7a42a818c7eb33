using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using SmartOverhalla.Contracts.Topics;
using SmartOverhalla.DerivedSeries.Water;
using SmartOverhalla.Gateway.Security;
using SmartOverhalla.Influx;
using SmartOverhalla.Time;

namespace SmartOverhalla.Gateway.Water.Planning;

/// <summary>
/// The planner API over the series the analytics host writes: consumption per district and period, the daily water balance,
/// and the leak and burst list — each as JSON or as CSV for a spreadsheet with Norwegian settings (<see cref="NorwegianCsv"/>).
/// District figures only: no household's data and no address.
/// </summary>
internal static class PlannerEndpoints
{
    /// <summary>Default leak list: the last 30 days.</summary>
    public const int DefaultLeakDays = 30;

    public static IEndpointRouteBuilder MapPlannerEndpoints(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var group = app.MapGroup(WaterHttp.Prefix).WithTags("Water").RequireAuthorization(ApiPolicies.AnyRole);
        const string Common = "Dates are local (Europe/Oslo) yyyy-MM-dd, both included; optional `district`, `municipality` (default: Water:Municipality). " +
            "`format=csv` or `Accept: text/csv`: CSV for Norwegian spreadsheets (UTF-8 with BOM, `;`, decimal comma, CRLF, ISO local dates and times).";

        group.MapGet("/consumption", ConsumptionAsync)
            .WithName("GetWaterDistrictConsumption")
            .WithSummary("Household consumption per district and hour, day or month")
            .WithDescription("`period` hour | day (default) | month; `from`/`to` (default: this month up to today; at most 62, 400 or 1830 days). " +
                "Rows: start, district, litres, estimatedL (spread over gaps in the readings), meters. " + Common)
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        group.MapGet("/balance", BalanceAsync)
            .WithName("GetWaterBalance")
            .WithSummary("Daily water balance per district")
            .WithDescription("Per district and day: inflowL, consumptionL, lossesL (inflow − consumption), lossesPct, lossesPerConnectionL, connections, " +
                "minNightFlowLph (lowest hourly inflow 02–04). `from`/`to` default: this month up to today, at most 400 days. " + Common)
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        group.MapGet("/leaks", LeaksAsync)
            .WithName("GetWaterLeaks")
            .WithSummary("Leak and burst suspicions")
            .WithDescription("Suspicions that overlap `from`–`to` (default: the last 30 days; at most 400): district, meter, kind (leak/burst), source " +
                "(rule/meterAlarm), since, until, ongoing, rateLph, litresLost. `ongoing=true`: only those still going. " + Common)
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return app;
    }

    private static async Task<Results<Ok<ConsumptionResponse>, FileContentHttpResult, ValidationProblem, ProblemHttpResult>> ConsumptionAsync(
        string? municipality, string? district, string? from, string? to, string? period, string? format,
        HttpRequest request, WaterConsumptionSeries series, IOptions<WaterOptions> options, TimeProvider time, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var today = LocalDay.DateAt(time.GetUtcNow());
        var tenant = Tenant(municipality, district, options.Value, errors);
        var range = WaterRange.Parse(from, to, period, LocalDay.MonthOf(today), today, WaterPeriod.Day, errors);
        var csv = ResponseFormat.WantsCsv(format, request, errors);
        if (errors.Count > 0)
        {
            return WaterHttp.Invalid(errors, "The consumption could not be listed");
        }

        try
        {
            var rows = (await series.ReadDistrictsAsync(tenant!, range!.Period, range.Start, range.End, district, cancellationToken)).Select(DistrictConsumptionView.Of).ToList();
            return csv == true
                ? NorwegianCsv.File($"vannforbruk-{tenant}-{range.PeriodName}-{range.From:yyyy-MM-dd}-{range.To:yyyy-MM-dd}.csv", DistrictConsumptionView.CsvHeader, rows.Select(r => r.CsvFields(range.Period == WaterPeriod.Hour)))
                : TypedResults.Ok(new ConsumptionResponse(tenant!, range.PeriodName, range.From, range.To, district, rows));
        }
        catch (InfluxException ex)
        {
            return WaterHttp.Unavailable(ex);
        }
    }

    private static async Task<Results<Ok<BalanceResponse>, FileContentHttpResult, ValidationProblem, ProblemHttpResult>> BalanceAsync(
        string? municipality, string? district, string? from, string? to, string? format,
        HttpRequest request, WaterBalanceSeries series, IOptions<WaterOptions> options, TimeProvider time, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var today = LocalDay.DateAt(time.GetUtcNow());
        var tenant = Tenant(municipality, district, options.Value, errors);
        var range = WaterRange.Parse(from, to, null, LocalDay.MonthOf(today), today, WaterPeriod.Day, errors);
        var csv = ResponseFormat.WantsCsv(format, request, errors);
        if (errors.Count > 0)
        {
            return WaterHttp.Invalid(errors, "The water balance could not be listed");
        }

        try
        {
            var days = (await series.ReadAsync(tenant!, range!.From, range.To, district, cancellationToken)).Select(BalanceView.Of).ToList();
            return csv == true
                ? NorwegianCsv.File($"vannbalanse-{tenant}-{range.From:yyyy-MM-dd}-{range.To:yyyy-MM-dd}.csv", BalanceView.CsvHeader, days.Select(d => d.CsvFields()))
                : TypedResults.Ok(new BalanceResponse(tenant!, range.From, range.To, district, days));
        }
        catch (InfluxException ex)
        {
            return WaterHttp.Unavailable(ex);
        }
    }

    private static async Task<Results<Ok<LeaksResponse>, FileContentHttpResult, ValidationProblem, ProblemHttpResult>> LeaksAsync(
        string? municipality, string? district, string? from, string? to, string? ongoing, string? format,
        HttpRequest request, WaterSuspicionSeries series, IOptions<WaterOptions> options, TimeProvider time, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var today = LocalDay.DateAt(time.GetUtcNow());
        var tenant = Tenant(municipality, district, options.Value, errors);
        var range = WaterRange.Parse(from, to, null, today.AddDays(-DefaultLeakDays), today, WaterPeriod.Day, errors);
        bool? onlyOngoing = ongoing switch
        {
            null or "false" => false,
            "true" => true,
            _ => null,
        };
        if (onlyOngoing is null)
        {
            errors["ongoing"] = [$"must be 'true' or 'false'; got '{ongoing}'"];
        }

        var csv = ResponseFormat.WantsCsv(format, request, errors);
        if (errors.Count > 0)
        {
            return WaterHttp.Invalid(errors, "The leaks could not be listed");
        }

        try
        {
            var rows = (await series.ReadAsync(tenant!, range!.Start, range.End, district, cancellationToken))
                .Where(r => onlyOngoing != true || r.Suspicion.Ongoing)
                .Select(LeakView.Of)
                .ToList();
            return csv == true
                ? NorwegianCsv.File($"lekkasjer-{tenant}-{range.From:yyyy-MM-dd}-{range.To:yyyy-MM-dd}.csv", LeakView.CsvHeader, rows.Select(r => r.CsvFields()))
                : TypedResults.Ok(new LeaksResponse(tenant!, range.From, range.To, district, onlyOngoing == true, rows));
        }
        catch (InfluxException ex)
        {
            return WaterHttp.Unavailable(ex);
        }
    }

    /// <summary>The municipality asked for (or the configured one); checks the district's form too.</summary>
    private static string? Tenant(string? municipality, string? district, WaterOptions options, Dictionary<string, string[]> errors)
    {
        if (district is not null && !DeviceTopic.IsValidMunicipality(district))
        {
            errors["district"] = [$"{Registry.MeterRules.DistrictRule}; got '{district}'"];
        }

        if (municipality is null)
        {
            return options.Municipality;
        }

        if (!DeviceTopic.IsValidMunicipality(municipality))
        {
            errors["municipality"] = [$"{Registry.MeterRules.MunicipalityRule}; got '{municipality}'"];
            return null;
        }

        return municipality;
    }
}
