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

    /// <summary>
    /// Customer service and billing staff: may look up which address a water meter serves and one household's consumption,
    /// each with a stated purpose and audited (gateway README, "Water"). Not implied by
    /// <see cref="Admin"/> (data minimisation): a key that needs both is given both.
    /// </summary>
    public const string Household = "household";

    /// <summary>Every known role, in the order they are documented.</summary>
    public static IReadOnlyList<string> All { get; } = [Operator, Planner, Admin, Service, Household];
}
