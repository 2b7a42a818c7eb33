namespace SmartOverhalla.Gateway.Security;

/// <summary>The roles an API key may carry (configuration <c>ApiKeys:Keys:{name}:Roles</c>, comma-separated).</summary>
public static class ApiRoles
{
    public const string Operator = "operator";

    public const string Planner = "planner";

    public const string Admin = "admin";

    /// <summary>
    /// A platform service, not a person: the analytics host, which reports the alerts its jobs find. May only post alert
    /// reports; sees nothing.
    /// </summary>
    public const string Service = "service";

    /// <summary>Every known role, in the order they are documented.</summary>
    public static IReadOnlyList<string> All { get; } = [Operator, Planner, Admin, Service];
}
