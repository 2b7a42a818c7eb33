using Microsoft.AspNetCore.Http.HttpResults;
using SmartOverhalla.DerivedSeries.Water;
using SmartOverhalla.Gateway.Audit;
using SmartOverhalla.Gateway.Security;
using SmartOverhalla.Gateway.Water.Planning;
using SmartOverhalla.Gateway.Water.Registry;
using SmartOverhalla.Influx;
using SmartOverhalla.Time;
using SmartOverhalla.Water.Registry;

namespace SmartOverhalla.Gateway.Water.Privacy;

/// <summary>
/// Re-identification, the only place on the platform where it happens (design.md, "Security and privacy"): which address a
/// meter serves, one household's consumption, and who has seen a household's data. Each needs the <c>household</c> role
/// (admin does not imply it) and a stated <see cref="Purpose"/>, and each answer is written to the audit log first: actor
/// the key's name, target <c>{municipality}/{meterId}</c> (never the address: the audit series lives in InfluxDB), details
/// the purpose.
/// </summary>
internal static class HouseholdEndpoints
{
    public static IEndpointRouteBuilder MapHouseholdEndpoints(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var group = app.MapGroup(WaterHttp.Prefix).WithTags("Water privacy").RequireAuthorization(ApiPolicies.Household);

        group.MapGet("/meters/{municipality}/{meterId}/address", AddressAsync)
            .WithName("GetWaterMeterAddress")
            .WithSummary("Which address a household meter serves (audited)")
            .WithDescription("Needs `purpose` (10-200 characters). The meter's current entry, or its last one with `until` when it was retired. " +
                "Audited as water.address.lookup with the purpose.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/households/{municipality}/{meterId}/consumption", HistoryAsync)
            .WithName("GetWaterHouseholdConsumption")
            .WithSummary("One household's consumption (audited)")
            .WithDescription("Needs `purpose` (10-200 characters). `period` hour | day (default) | month, `from`/`to` local dates (default: this month up to today). " +
                "`format=csv` or `Accept: text/csv` for a spreadsheet. Audited as water.household.history with the purpose.")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        group.MapGet("/privacy/access-log", AccessLogAsync)
            .WithName("GetWaterAccessLog")
            .WithSummary("Who has seen this household's data")
            .WithDescription("`address` (as registered; case and spacing ignored) and `purpose`. Every meter that served the address and every audited look-up " +
                "of them while they did (when, who, what, purpose), oldest first. Itself audited as water.privacy.access-log.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return app;
    }

    private static async Task<Results<Ok<MeterAddressView>, ValidationProblem, ProblemHttpResult>> AddressAsync(
        string municipality, string meterId, string? purpose, MeterRegistry registry, IAuditLog audit, TimeProvider time, HttpContext http, CancellationToken cancellationToken)
    {
        const string Title = "The address was not looked up";
        if (Check(municipality, meterId, purpose, out var stated) is { } invalid)
        {
            return WaterHttp.Invalid(invalid, Title);
        }

        if (Household(registry, municipality, meterId) is not { } entry)
        {
            return UnknownHousehold(municipality, meterId);
        }

        await audit.AuditAsync(http, time, WaterAuditActions.AddressLookup, entry.Key, stated, cancellationToken);
        return TypedResults.Ok(new MeterAddressView(entry.Municipality, entry.MeterId, entry.District, entry.Address!, entry.From, entry.Until));
    }

    private static async Task<Results<Ok<HouseholdHistoryResponse>, FileContentHttpResult, ValidationProblem, ProblemHttpResult>> HistoryAsync(
        string municipality, string meterId, string? purpose, string? from, string? to, string? period, string? format,
        MeterRegistry registry, WaterConsumptionSeries series, IAuditLog audit, TimeProvider time, HttpContext http, CancellationToken cancellationToken)
    {
        var errors = Check(municipality, meterId, purpose, out var stated) ?? new Dictionary<string, string[]>(StringComparer.Ordinal);
        var today = LocalDay.DateAt(time.GetUtcNow());
        var range = WaterRange.Parse(from, to, period, LocalDay.MonthOf(today), today, WaterPeriod.Day, errors);
        var csv = ResponseFormat.WantsCsv(format, http.Request, errors);
        if (errors.Count > 0)
        {
            return WaterHttp.Invalid(errors, "The household's consumption was not shown");
        }

        if (Household(registry, municipality, meterId) is not { } entry)
        {
            return UnknownHousehold(municipality, meterId);
        }

        try
        {
            var rows = (await series.ReadMeterAsync(municipality, meterId, range!.Period, range.Start, range.End, cancellationToken)).Select(HouseholdConsumptionView.Of).ToList();
            await audit.AuditAsync(http, time, WaterAuditActions.HouseholdHistory, entry.Key, stated, cancellationToken);
            var withTime = range.Period == WaterPeriod.Hour;
            return csv == true
                ? NorwegianCsv.File(
                    $"forbruk-{meterId}-{range.PeriodName}-{range.From:yyyy-MM-dd}-{range.To:yyyy-MM-dd}.csv",
                    HouseholdConsumptionView.CsvHeader,
                    rows.Select(r => (IReadOnlyList<string>)[withTime ? NorwegianCsv.LocalTime(r.Start) : NorwegianCsv.Date(DateOnly.FromDateTime(r.Start.DateTime)), NorwegianCsv.Number(r.Litres), NorwegianCsv.Number(r.EstimatedL)]))
                : TypedResults.Ok(new HouseholdHistoryResponse(municipality, meterId, range.PeriodName, range.From, range.To, rows));
        }
        catch (InfluxException ex)
        {
            return WaterHttp.Unavailable(ex);
        }
    }

    private static async Task<Results<Ok<AccessLogResponse>, ValidationProblem, ProblemHttpResult>> AccessLogAsync(
        string? address, string? purpose, MeterRegistry registry, AccessLogReader reader, IAuditLog audit, TimeProvider time, HttpContext http, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var stated = Purpose.Check(purpose, out var purposeError);
        if (purposeError is not null)
        {
            errors["purpose"] = [purposeError];
        }

        if (string.IsNullOrWhiteSpace(address) || address.Trim().Length > MeterRules.MaxAddressLength)
        {
            errors["address"] = [$"is required: the address as registered, at most {MeterRules.MaxAddressLength} characters"];
        }

        if (errors.Count > 0)
        {
            return WaterHttp.Invalid(errors, "The access log was not shown");
        }

        var meters = registry.AtAddress(address!);
        if (meters.Count == 0)
        {
            return WaterHttp.NotFound("Unknown address", "No household meter serves or served this address.");
        }

        try
        {
            var accesses = await reader.ReadAsync(meters, cancellationToken);

            // Looking at who has looked is itself a look-up of the household: recorded per meter, after reading, so the answer shows what came before it.
            foreach (var key in meters.Select(m => m.Key).Distinct(StringComparer.Ordinal))
            {
                await audit.AuditAsync(http, time, WaterAuditActions.AccessLog, key, stated, cancellationToken);
            }

            return TypedResults.Ok(new AccessLogResponse(
                address!.Trim(),
                [.. meters.Select(m => new AddressMeterView(m.Municipality, m.MeterId, m.From, m.Until))],
                accesses));
        }
        catch (InfluxException ex)
        {
            return WaterHttp.Unavailable(ex);
        }
    }

    /// <summary>The problems of a meter look-up's parameters, or null with the trimmed <paramref name="stated"/> purpose.</summary>
    private static Dictionary<string, string[]>? Check(string municipality, string meterId, string? purpose, out string? stated)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (MeterEndpoints.MeterIdProblem(municipality, meterId) is { } p)
        {
            errors[p.Field] = [p.Message];
        }

        stated = Purpose.Check(purpose, out var error);
        if (error is not null)
        {
            errors["purpose"] = [error];
        }

        return errors.Count > 0 ? errors : null;
    }

    private static MeterEntry? Household(MeterRegistry registry, string municipality, string meterId) =>
        registry.Latest(municipality, meterId) is { Role: MeterRole.Household } entry ? entry : null;

    private static ProblemHttpResult UnknownHousehold(string municipality, string meterId) =>
        WaterHttp.NotFound("Unknown household meter", $"'{meterId}' in '{municipality}' is not a registered household meter.");
}
