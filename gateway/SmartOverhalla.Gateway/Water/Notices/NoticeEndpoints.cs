using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using SmartOverhalla.Contracts.Topics;
using SmartOverhalla.Gateway.Audit;
using SmartOverhalla.Gateway.Security;
using SmartOverhalla.Gateway.Water.Registry;

namespace SmartOverhalla.Gateway.Water.Notices;

/// <summary>
/// Incident notices to residents: an operator drafts, an operator or planner who did not draft approves (four eyes), an
/// operator sends an approved (or failed) notice to the SMS service's webhook. Draft, approval, sending and failure are
/// audited (target <c>notice:{id}</c>; no address).
/// </summary>
internal static partial class NoticeEndpoints
{
    public const int MaxDistricts = 50;

    public static IEndpointRouteBuilder MapNoticeEndpoints(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var group = app.MapGroup($"{WaterHttp.Prefix}/notices").WithTags("Water notices");

        group.MapGet(string.Empty, List).RequireAuthorization(ApiPolicies.AnyRole)
            .WithName("ListWaterNotices").WithSummary("Incident notices, newest first");
        group.MapGet("/{id:guid}", Show).RequireAuthorization(ApiPolicies.AnyRole)
            .WithName("GetWaterNotice").WithSummary("One incident notice")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/template", Template).RequireAuthorization(ApiPolicies.Operator)
            .WithName("GetWaterNoticeTemplate").WithSummary("A bokmål draft text for a burst or leak in a district")
            .WithDescription("`district`, optional `kind` (burst, default, or leak) and `municipality` (default: Water:Municipality). Edit it, then POST it as a draft.")
            .ProducesValidationProblem();
        group.MapPost(string.Empty, DraftAsync).RequireAuthorization(ApiPolicies.Operator)
            .WithName("DraftWaterNotice").WithSummary("Draft a notice to the residents of districts")
            .WithDescription("Body `{municipality, districts[], text, alertId?}`: districts with meters in the registry, plain Norwegian text up to Water:Notices:MaxTextLength " +
                "characters (default 306, two SMS). Audited as water.notice.draft.")
            .ProducesValidationProblem();
        group.MapPost("/{id:guid}/approve", ApproveAsync).RequireAuthorization(ApiPolicies.AnyRole)
            .WithName("ApproveWaterNotice").WithSummary("Approve a draft (not your own)")
            .WithDescription("Four eyes: the drafter cannot approve (403). Only a draft can be approved (409). Audited as water.notice.approve.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id:guid}/send", SendAsync).RequireAuthorization(ApiPolicies.Operator)
            .WithName("SendWaterNotice").WithSummary("Send an approved notice to the SMS service")
            .WithDescription("Posts the notice with the addresses of the household meters in its districts to Water:Notices:WebhookUrl. Only approved or failed notices " +
                "(409 otherwise); 503 without a webhook; 502 when the receiver refused it (the notice is then failed and can be sent again). Audited as water.notice.send or water.notice.fail.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status502BadGateway)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return app;
    }

    private static Ok<IReadOnlyList<Notice>> List(NoticeStore store) => TypedResults.Ok(store.All);

    private static Results<Ok<Notice>, ProblemHttpResult> Show(Guid id, NoticeStore store) =>
        store.Find(id) is { } notice ? TypedResults.Ok(notice) : Unknown(id);

    private static Results<Ok<NoticeTemplateResponse>, ValidationProblem> Template(string? municipality, string? district, string? kind, IOptions<WaterOptions> options, MeterRegistry registry)
    {
        var tenant = municipality ?? options.Value.Municipality;
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (!DeviceTopic.IsValidMunicipality(tenant))
        {
            errors["municipality"] = [$"{MeterRules.MunicipalityRule}; got '{tenant}'"];
        }
        else if (string.IsNullOrEmpty(district) || !registry.Districts(tenant).Contains(district))
        {
            errors["district"] = [$"must be a district with meters in the registry of '{tenant}'; got '{district}'"];
        }

        if (kind is not (null or "burst" or "leak"))
        {
            errors["kind"] = [$"must be 'burst' or 'leak'; got '{kind}'"];
        }

        return errors.Count > 0
            ? WaterHttp.Invalid(errors, "No template")
            : TypedResults.Ok(new NoticeTemplateResponse(tenant, district!, kind ?? "burst", NoticeTemplate.For(kind ?? "burst", tenant, district!)));
    }

    private static async Task<Results<Created<Notice>, ValidationProblem>> DraftAsync(
        NoticeRequest request, NoticeStore store, MeterRegistry registry, IOptions<WaterOptions> options, IAuditLog audit, TimeProvider time, HttpContext http, CancellationToken cancellationToken)
    {
        var errors = Check(request, registry, options.Value.Notices.MaxTextLength);
        if (errors.Count > 0)
        {
            return WaterHttp.Invalid(errors, "The notice was not drafted");
        }

        var notice = new Notice(
            Guid.NewGuid(), request.Municipality!, [.. request.Districts!.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)], request.Text!.Trim(),
            string.IsNullOrEmpty(request.AlertId) ? null : request.AlertId, NoticeState.Draft, WaterHttp.Actor(http), time.GetUtcNow());
        await store.AddAsync(notice, cancellationToken);
        await audit.AuditAsync(http, time, WaterAuditActions.NoticeDraft, notice.AuditTarget, $"{notice.Municipality}: districts {string.Join(',', notice.Districts)}", cancellationToken);
        return TypedResults.Created($"{WaterHttp.Prefix}/notices/{notice.Id:D}", notice);
    }

    private static async Task<Results<Ok<Notice>, ProblemHttpResult>> ApproveAsync(
        Guid id, NoticeStore store, IAuditLog audit, TimeProvider time, HttpContext http, CancellationToken cancellationToken)
    {
        var approver = WaterHttp.Actor(http);
        var outcome = await store.UpdateAsync<IResult>(
            id,
            notice => notice.State != NoticeState.Draft ? (null, WaterHttp.Conflict("The notice was not approved", $"Only a draft can be approved; this notice is {Name(notice.State)}."))
                : string.Equals(notice.DraftedBy, approver, StringComparison.Ordinal)
                    ? (null, TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "The notice was not approved", detail: "Four eyes: a notice is approved by someone other than the one who drafted it."))
                    : ApprovedBy(notice, approver, time.GetUtcNow()),
            cancellationToken);
        switch (outcome)
        {
            case null:
                return Unknown(id);
            case Ok<Notice> approved:
                await audit.AuditAsync(http, time, WaterAuditActions.NoticeApprove, approved.Value!.AuditTarget, null, cancellationToken);
                return approved;
            default:
                return (ProblemHttpResult)outcome;
        }
    }

    private static (Notice, IResult) ApprovedBy(Notice notice, string approver, DateTimeOffset now)
    {
        var approved = notice with { State = NoticeState.Approved, ApprovedBy = approver, ApprovedAt = now };
        return (approved, TypedResults.Ok(approved));
    }

    private static async Task<Results<Ok<Notice>, ProblemHttpResult>> SendAsync(
        Guid id, NoticeSender sender, IAuditLog audit, TimeProvider time, HttpContext http, CancellationToken cancellationToken)
    {
        const string Title = "The notice was not sent";
        if (!sender.Enabled)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: Title, detail: "No SMS service is configured (Water:Notices:WebhookUrl).");
        }

        var (after, refused) = await sender.SendAsync(id, cancellationToken);
        if (refused is not null)
        {
            return WaterHttp.Conflict(Title, $"Only an approved notice (or one whose sending failed) can be sent; this notice is {Name(refused.State)}.");
        }

        if (after is null)
        {
            return Unknown(id);
        }

        if (after.State == NoticeState.Sent)
        {
            await audit.AuditAsync(http, time, WaterAuditActions.NoticeSend, after.AuditTarget, $"districts {string.Join(',', after.Districts)}", cancellationToken);
            return TypedResults.Ok(after);
        }

        await audit.AuditAsync(http, time, WaterAuditActions.NoticeFail, after.AuditTarget, after.LastError, cancellationToken);
        return TypedResults.Problem(statusCode: StatusCodes.Status502BadGateway, title: Title, detail: $"{after.LastError}. The notice is marked failed; send it again.");
    }

    private static Dictionary<string, string[]> Check(NoticeRequest request, MeterRegistry registry, int maxTextLength)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (request.Municipality is null || !DeviceTopic.IsValidMunicipality(request.Municipality))
        {
            errors["municipality"] = [$"{MeterRules.MunicipalityRule}; got '{request.Municipality}'"];
        }
        else if (request.Districts is not { Count: > 0 and <= MaxDistricts })
        {
            errors["districts"] = [$"give 1-{MaxDistricts} districts"];
        }
        else
        {
            var known = registry.Districts(request.Municipality);
            var unknown = request.Districts.Where(d => d is null || !known.Contains(d)).ToList();
            if (unknown.Count > 0)
            {
                errors["districts"] = [$"not districts with meters in the registry of '{request.Municipality}': {string.Join(", ", unknown.Select(d => $"'{d}'"))}"];
            }
        }

        var text = request.Text?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            errors["text"] = ["is required: the message to residents, in plain Norwegian"];
        }
        else if (text.Length > maxTextLength || text.Any(c => char.IsControl(c) && c != '\n'))
        {
            errors["text"] = [$"must be at most {maxTextLength} characters (SMS length) without control characters; got {text.Length}"];
        }

        if (!string.IsNullOrEmpty(request.AlertId) && !AlertId().IsMatch(request.AlertId))
        {
            errors["alertId"] = ["must be 1-100 ASCII letters, digits, '-', '_', '.' or ':' (an alert's id)"];
        }

        return errors;
    }

    private static string Name(NoticeState state) => state.ToString().ToLowerInvariant();

    private static ProblemHttpResult Unknown(Guid id) => WaterHttp.NotFound("Unknown notice", $"There is no notice {id:D}.");

    [GeneratedRegex("^[A-Za-z0-9_.:-]{1,100}$", RegexOptions.CultureInvariant)]
    private static partial Regex AlertId();
}

/// <summary>A draft text offered for a district.</summary>
internal sealed record NoticeTemplateResponse(string Municipality, string District, string Kind, string Text);
