namespace SmartOverhalla.Gateway.Security;

/// <summary>Authorization policy names of the HTTP API, one per role (design.md, Security).</summary>
public static class ApiPolicies
{
    /// <summary>Operations staff: overrides and alerts.</summary>
    public const string Operator = "operator";

    /// <summary>Planners: history and exports.</summary>
    public const string Planner = "planner";

    /// <summary>Administrators: device registry and credentials.</summary>
    public const string Admin = "admin";
}
