namespace SmartOverhalla.Gateway.Security;

/// <summary>Names of the API-key authentication scheme and the headers it reads.</summary>
public static class ApiKeyDefaults
{
    /// <summary>Scheme name, and the word before the key in <c>Authorization: ApiKey &lt;key&gt;</c>.</summary>
    public const string Scheme = "ApiKey";

    /// <summary>The alternative header: <c>X-Api-Key: &lt;key&gt;</c>.</summary>
    public const string HeaderName = "X-Api-Key";

    /// <summary>Realm in the <c>WWW-Authenticate</c> challenge.</summary>
    public const string Realm = "smartoverhalla";
}
