using SmartOverhalla.Gateway.Security;

namespace SmartOverhalla.Gateway.Tests.Infrastructure;

/// <summary>
/// API keys for tests: one per role, fresh random keys per test run, configured by their hashes exactly as an
/// operator would (ApiKeys:Keys:{name}:Hash and :Roles).
/// </summary>
internal static class TestApiKeys
{
    public const string OperatorName = "test-operator";
    public const string PlannerName = "test-planner";
    public const string AdminName = "test-admin";
    public const string ServiceName = "test-service";

    public static readonly string Operator = ApiKeyRing.NewKey();
    public static readonly string Planner = ApiKeyRing.NewKey();
    public static readonly string Admin = ApiKeyRing.NewKey();
    public static readonly string Service = ApiKeyRing.NewKey();

    /// <summary>The keys as configuration.</summary>
    public static IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        [$"ApiKeys:Keys:{OperatorName}:Hash"] = ApiKeyRing.HashOf(Operator),
        [$"ApiKeys:Keys:{OperatorName}:Roles"] = ApiRoles.Operator,
        [$"ApiKeys:Keys:{PlannerName}:Hash"] = ApiKeyRing.HashOf(Planner),
        [$"ApiKeys:Keys:{PlannerName}:Roles"] = ApiRoles.Planner,
        [$"ApiKeys:Keys:{AdminName}:Hash"] = ApiKeyRing.HashOf(Admin),
        [$"ApiKeys:Keys:{AdminName}:Roles"] = ApiRoles.Admin,
        [$"ApiKeys:Keys:{ServiceName}:Hash"] = ApiKeyRing.HashOf(Service),
        [$"ApiKeys:Keys:{ServiceName}:Roles"] = ApiRoles.Service,
    };

    /// <summary>Sends <paramref name="key"/> in X-Api-Key on every request of <paramref name="client"/>.</summary>
    public static HttpClient WithKey(this HttpClient client, string key)
    {
        ArgumentNullException.ThrowIfNull(client);
        client.DefaultRequestHeaders.Remove(ApiKeyDefaults.HeaderName);
        client.DefaultRequestHeaders.Add(ApiKeyDefaults.HeaderName, key);
        return client;
    }
}
