using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using SmartOverhalla.Gateway.Security;
using SmartOverhalla.DerivedSeries.Lighting;
using SmartOverhalla.Influx;
using SmartOverhalla.Lighting.Savings;
using SmartOverhalla.Lighting.Configuration;
using SmartOverhalla.Lighting.Reloading;
using SmartOverhalla.Time;

namespace SmartOverhalla.Gateway.Savings;

/// <summary>
/// The savings API: energy, 100 % baseline and savings per zone and day or month, and per light and day. It reads the
/// series the analytics host's savings job writes (the same numbers Grafana shows), so a day appears once it
/// is computed: shortly after its local midnight, never for today.
/// </summary>
internal static class LightingSavingsEndpoints
{
    /// <summary>Longest range one request may ask for, in days (both ends included).</summary>
    public const int MaxRangeDays = 400;

    public static IEndpointRouteBuilder MapLightingSavings(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var registration = app.ServiceProvider.GetService<LightingSavingsRegistration>()
            ?? throw new InvalidOperationException("Call AddLightingSavings before MapLightingSavings.");
        if (!registration.TryMarkMapped())
        {
            return app;
        }

        var group = app.MapGroup("/api/v1/lighting/savings").WithTags("Lighting").RequireAuthorization(ApiPolicies.Planner);
        group.MapGet(string.Empty, SavingsAsync)
            .WithName("GetLightingSavings")
            .WithSummary("Energy and savings per zone, per day or month")
            .WithDescription(
                "Rows per zone and local day (`period=day`, default) or calendar month (`period=month`, the sum of its computed days) " +
                "from `from` to `to` (yyyy-MM-dd, Europe/Oslo, both included, at most 400 days; default: the current month up to today), " +
                "optionally for one `zone` (`_unzoned`: lights no zone claims). Each row: energy used (kWh, from the lights' energy registers), " +
                "baseline (kWh: the same lit hours at 100 %), saved kWh, NOK and kg CO₂e, lights, lit lamp-hours and hours without readings. " +
                "A day appears shortly after its local midnight; days without telemetry have no rows.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        group.MapGet("/lights", LightsAsync)
            .WithName("GetLightSavings")
            .WithSummary("Energy and savings per light for one day")
            .WithDescription(
                "Each light's row of local day `date` (yyyy-MM-dd, Europe/Oslo; default: yesterday), optionally of one `zone`: energy, baseline, " +
                "savings, lit and unknown hours, and the power at 100 % the baseline used with its source (`learned` from the light's own readings " +
                "at 100 %, the `zone`'s configured figure, or the `default`).")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return app;
    }

    private static async Task<Results<Ok<SavingsResponse>, ValidationProblem, ProblemHttpResult>> SavingsAsync(
        string? from, string? to, string? zone, string? period,
        SavingsSeries series, IZoneConfigurationSource zones, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var today = LocalDay.DateAt(timeProvider.GetUtcNow());
        var last = ParseDate("to", to, today, errors);
        var first = ParseDate("from", from, LocalDay.MonthOf(last ?? today), errors);
        SavingsPeriod? kind = period switch
        {
            null or "day" => SavingsPeriod.Day,
            "month" => SavingsPeriod.Month,
            _ => null,
        };
        if (kind is null)
        {
            errors["period"] = [$"must be 'day' or 'month'; got '{period}'"];
        }

        if (first is { } f && last is { } l)
        {
            if (f > l)
            {
                errors["from"] = [$"must be on or before 'to' ({l:yyyy-MM-dd}); got {f:yyyy-MM-dd}"];
            }
            else if (l.DayNumber - f.DayNumber + 1 > MaxRangeDays)
            {
                errors["to"] = [$"the range from {f:yyyy-MM-dd} to {l:yyyy-MM-dd} is {l.DayNumber - f.DayNumber + 1} days; at most {MaxRangeDays} days per request"];
            }
        }

        if (errors.Count > 0)
        {
            return Invalid(errors, "The savings could not be listed");
        }

        var configuration = zones.Current;
        if (UnknownZone(zone, configuration) is { } notFound)
        {
            return notFound;
        }

        // A month row is stamped at its first day: from 2026-11-15 still includes November.
        var start = kind == SavingsPeriod.Month ? LocalDay.MonthOf(first!.Value) : first!.Value;
        try
        {
            var rows = await series.ReadAsync(configuration.Municipality, kind!.Value, start, last!.Value, zone, cancellationToken);
            return TypedResults.Ok(new SavingsResponse(configuration.Municipality, SavingsSeries.TagOf(kind.Value), first.Value, last.Value, zone, rows, SavingsTotal.Of(rows)));
        }
        catch (InfluxException ex)
        {
            return Unavailable(ex);
        }
    }

    private static async Task<Results<Ok<LightSavingsResponse>, ValidationProblem, ProblemHttpResult>> LightsAsync(
        string? date, string? zone, SavingsSeries series, IZoneConfigurationSource zones, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var day = ParseDate("date", date, LocalDay.DateAt(timeProvider.GetUtcNow()).AddDays(-1), errors);
        if (errors.Count > 0)
        {
            return Invalid(errors, "The light savings could not be listed");
        }

        var configuration = zones.Current;
        if (UnknownZone(zone, configuration) is { } notFound)
        {
            return notFound;
        }

        var municipality = configuration.Municipality;
        try
        {
            var rows = await series.ReadLightsAsync(municipality, day!.Value, zone, cancellationToken);
            return TypedResults.Ok(new LightSavingsResponse(municipality, day.Value, zone, rows));
        }
        catch (InfluxException ex)
        {
            return Unavailable(ex);
        }
    }

    private static DateOnly? ParseDate(string name, string? text, DateOnly fallback, Dictionary<string, string[]> errors)
    {
        if (text is null)
        {
            return fallback;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        errors[name] = [$"must be a calendar date as yyyy-MM-dd, e.g. 2026-11-24; got '{text}'"];
        return null;
    }

    private static ProblemHttpResult? UnknownZone(string? zone, ZoneConfiguration configuration) =>
        zone is null || zone == SavingsZones.Unzoned || configuration.FindZone(zone) is not null
            ? null
            : TypedResults.Problem(
                statusCode: StatusCodes.Status404NotFound,
                title: "Unknown zone",
                detail: $"There is no lighting zone '{zone}'. GET /api/v1/lighting/zones lists them; '{SavingsZones.Unzoned}' selects lights no zone claims.");

    private static ValidationProblem Invalid(Dictionary<string, string[]> errors, string title) =>
        TypedResults.ValidationProblem(errors, title: title, detail: string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(", ", e.Value)}")));

    private static ProblemHttpResult Unavailable(InfluxException ex) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status503ServiceUnavailable,
            title: "The savings series cannot be read now",
            detail: $"InfluxDB did not answer the query: {ex.ServerMessage ?? ex.Message}");
}
