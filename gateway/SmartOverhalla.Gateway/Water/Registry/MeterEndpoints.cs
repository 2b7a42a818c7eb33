using Microsoft.AspNetCore.Http.HttpResults;
using SmartOverhalla.Contracts.Topics;
using SmartOverhalla.Gateway.Audit;
using SmartOverhalla.Gateway.Security;

namespace SmartOverhalla.Gateway.Water.Registry;

/// <summary>
/// The meter registry's API: placements without addresses for every role and the analytics service; import, change and
/// retire for admins. Nothing here returns an address (that is <c>Privacy/AddressEndpoints</c>, household role).
/// </summary>
internal static class MeterEndpoints
{
    /// <summary>Largest CSV body accepted: some 100,000 meters.</summary>
    public const int MaxImportBytes = 16 * 1024 * 1024;

    public static IEndpointRouteBuilder MapMeterEndpoints(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var meters = app.MapGroup($"{WaterHttp.Prefix}/meters").WithTags("Water");

        meters.MapGet(string.Empty, List)
            .RequireAuthorization(ApiPolicies.AnyRoleOrService)
            .WithName("ListWaterMeterPlacements")
            .WithSummary("Water meters' placements: id, role, district — never an address")
            .WithDescription("`{\"meters\":[{\"municipality\",\"meter\",\"role\",\"district\"}]}` for the meters in force, optionally of one `municipality`; " +
                "role is `household` or `district-inflow`. The analytics host reads it with its service key.")
            .ProducesValidationProblem();

        meters.MapPost("/import", ImportAsync)
            .RequireAuthorization(ApiPolicies.Admin)
            .Accepts<string>("text/csv")
            .WithName("ImportWaterMeters")
            .WithSummary("Import meters from CSV")
            .WithDescription("Body `text/csv`, UTF-8 (BOM allowed), `;` separated, header `meterId;municipality;role;district;address`, RFC 4180 quoting. " +
                "New meters are added, changed ones updated (the old entry kept, retired), meters not listed stay. A bad file is refused whole: " +
                "400 naming its line and what is wrong there.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);

        meters.MapPut("/{municipality}/{meterId}", PutAsync)
            .RequireAuthorization(ApiPolicies.Admin)
            .WithName("PutWaterMeter")
            .WithSummary("Register or change one meter")
            .WithDescription("Body `{role, district, address}`; address required for `household`, refused for `district-inflow`. 201 when new, 200 when changed or unchanged.")
            .ProducesValidationProblem();

        meters.MapDelete("/{municipality}/{meterId}", DeleteAsync)
            .RequireAuthorization(ApiPolicies.Admin)
            .WithName("RetireWaterMeter")
            .WithSummary("Retire a meter")
            .WithDescription("The meter leaves the placements; its entry is kept with an end time, so the access log of its address still finds the look-ups made of it.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static Results<Ok<PlacementsResponse>, ValidationProblem> List(string? municipality, MeterRegistry registry)
    {
        if (municipality is not null && !DeviceTopic.IsValidMunicipality(municipality))
        {
            return WaterHttp.Invalid("municipality", $"{MeterRules.MunicipalityRule}; got '{municipality}'", "The meters were not listed");
        }

        return TypedResults.Ok(new PlacementsResponse([.. registry.Current(municipality).Select(PlacementView.Of)]));
    }

    private static async Task<Results<Ok<MeterImportResult>, ValidationProblem, ProblemHttpResult>> ImportAsync(
        HttpRequest request, MeterRegistry registry, IAuditLog audit, TimeProvider time, CancellationToken cancellationToken)
    {
        if (request.GetTypedHeaders().ContentType?.MediaType.Value is not "text/csv")
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status415UnsupportedMediaType,
                title: "The meters were not imported",
                detail: $"Send the meter list as Content-Type text/csv (header '{MeterCsv.Header}').");
        }

        using var body = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(buffer, cancellationToken)) > 0)
        {
            if (body.Length + read > MaxImportBytes)
            {
                return TypedResults.Problem(
                    statusCode: StatusCodes.Status413PayloadTooLarge,
                    title: "The meters were not imported",
                    detail: $"The file is larger than {MaxImportBytes / (1024 * 1024)} MiB; split it.");
            }

            body.Write(buffer, 0, read);
        }

        IReadOnlyList<MeterDefinition> meters;
        try
        {
            meters = MeterCsv.Parse(body.GetBuffer().AsSpan(0, (int)body.Length));
        }
        catch (MeterCsvException ex)
        {
            return WaterHttp.Invalid($"line {ex.Line}", ex.Reason, "The meters were not imported; nothing of the file was taken");
        }

        var result = await registry.ApplyAsync(meters, cancellationToken);
        await audit.AuditAsync(request.HttpContext, time, WaterAuditActions.MeterImport, "water-meters",
            $"{meters.Count} listed: {result.Added} added, {result.Changed} changed, {result.Unchanged} unchanged", cancellationToken);
        return TypedResults.Ok(result);
    }

    private static async Task<Results<Created<PlacementView>, Ok<PlacementView>, ValidationProblem>> PutAsync(
        string municipality, string meterId, MeterRequest request, MeterRegistry registry, IAuditLog audit, TimeProvider time, HttpContext http, CancellationToken cancellationToken)
    {
        var problem = MeterRules.Check(meterId, municipality, request.Role, request.District, request.Address, out var meter);
        if (problem is { } p)
        {
            return WaterHttp.Invalid(p.Field, p.Message, "The meter was not saved");
        }

        var result = await registry.ApplyAsync([meter!], cancellationToken);
        var view = PlacementView.Of(registry.Latest(municipality, meterId)!);
        if (result.Unchanged == 0)
        {
            await audit.AuditAsync(http, time, WaterAuditActions.MeterPut, meter!.Key, $"role {view.Role}, district {view.District}", cancellationToken);
        }

        return result.Added == 1 ? TypedResults.Created($"{WaterHttp.Prefix}/meters/{municipality}/{meterId}", view) : TypedResults.Ok(view);
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> DeleteAsync(
        string municipality, string meterId, MeterRegistry registry, IAuditLog audit, TimeProvider time, HttpContext http, CancellationToken cancellationToken)
    {
        if (MeterIdProblem(municipality, meterId) is { } invalid)
        {
            return WaterHttp.Invalid(invalid.Field, invalid.Message, "The meter was not retired");
        }

        if (!await registry.RetireAsync(municipality, meterId, cancellationToken))
        {
            return WaterHttp.NotFound("Unknown meter", $"No meter '{meterId}' is in force in '{municipality}'.");
        }

        await audit.AuditAsync(http, time, WaterAuditActions.MeterRetire, $"{municipality}/{meterId}", null, cancellationToken);
        return TypedResults.NoContent();
    }

    /// <summary>The first problem of a meter's path parameters, or null.</summary>
    public static (string Field, string Message)? MeterIdProblem(string municipality, string meterId) =>
        !DeviceTopic.IsValidMunicipality(municipality) ? ("municipality", $"{MeterRules.MunicipalityRule}; got '{municipality}'")
        : !DeviceTopic.IsValidDeviceId(meterId) ? ("meterId", $"{MeterRules.MeterIdRule}; got '{meterId}'")
        : null;
}
