namespace SmartOverhalla.Gateway.Security;

/// <summary>One configured API key: <c>ApiKeys:Keys:{name}</c>. The name is who acts (overrides, audit log).</summary>
public sealed class ApiKeyEntry
{
    /// <summary>SHA-256 of the key, 64 hexadecimal digits (the key itself is never configured).</summary>
    public string? Hash { get; set; }

    /// <summary>Comma-separated roles: operator, planner, admin.</summary>
    public string? Roles { get; set; }
}
