namespace SmartOverhalla.Gateway.Security;

/// <summary>
/// Authorization policy names of the HTTP API (design.md, Security). Each role's policy also admits
/// <see cref="Admin"/>, who may do everything except <see cref="Household"/>. Apply one to an endpoint or a route group with
/// <c>.RequireAuthorization(ApiPolicies.Admin)</c>; an endpoint that names none still needs a valid API key (the
/// fallback policy), and only <c>.AllowAnonymous()</c> opens it to everyone.
/// </summary>
public static class ApiPolicies
{
    /// <summary>Operations staff: overrides, alerts, the lights' state.</summary>
    public const string Operator = "operator";

    /// <summary>Planners: history, savings, exports, the audit log (read only).</summary>
    public const string Planner = "planner";

    /// <summary>Administrators: device registry and credentials, and everything the other roles may do.</summary>
    public const string Admin = "admin";

    /// <summary>Platform services: the analytics host reporting the alerts its jobs find.</summary>
    public const string Service = "service";

    /// <summary>Any of the roles: reference data every role needs, such as the lighting zones.</summary>
    public const string AnyRole = "any-role";

    /// <summary>Any of the roles or a platform service: reference data the analytics host reads too, such as the water meters' placements.</summary>
    public const string AnyRoleOrService = "any-role-or-service";

    /// <summary>
    /// The <c>household</c> role only: one household's address or consumption (personal data). Admin does not imply it.
    /// </summary>
    public const string Household = "household";
}
