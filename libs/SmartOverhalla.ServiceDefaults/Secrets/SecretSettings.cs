using Microsoft.Extensions.Configuration;

namespace SmartOverhalla.ServiceDefaults.Secrets;

/// <summary>
/// Finds configured secrets that must not be used outside development: empty, or a known default or placeholder
/// (the <c>change-me-*</c> values of <c>.env.example</c>, the project's and products' default names such as
/// <c>smartoverhalla</c> or <c>admin</c>, common weak passwords, unresolved <c>${…}</c> templates). A secret is a
/// setting whose last key segment ends with <c>Password</c>, <c>Secret</c>, <c>Token</c> or <c>ApiKey</c>
/// (e.g. <c>InfluxDb:Password</c>, <c>Mqtt:Password</c>, <c>InfluxDb:Token</c>) inside a section: a bare
/// environment variable of the machine such as <c>PGPASSWORD</c> is not the platform's setting and is not judged.
/// Problems name the key, never the value.
/// </summary>
public static class SecretSettings
{
    private static readonly string[] SecretSuffixes = ["Password", "Secret", "Token", "ApiKey"];

    /// <summary>Values refused as they are (compared ignoring case and surrounding white space).</summary>
    private static readonly HashSet<string> KnownDefaults = new(StringComparer.OrdinalIgnoreCase)
    {
        "smartoverhalla", "overhalla", "admin", "administrator", "root", "guest", "user", "test", "demo", "default",
        "password", "passord", "passw0rd", "secret", "hemmelig", "token", "changeme", "change-me", "change_me", "changeit",
        "123456", "12345678", "123456789", "qwerty", "letmein", "influxdb", "influx", "mosquitto", "grafana",
        "gateway", "ingestion", "simulators", "healthcheck", "dev", "development", "local", "null", "none",
    };

    /// <summary>Prefixes of placeholders refused whatever follows (<c>change-me-influxdb-admin</c>, <c>${INFLUX_PASSWORD}</c>).</summary>
    private static readonly string[] PlaceholderPrefixes = ["change-me", "changeme", "change_me", "replace-me", "your-", "<", "${", "todo", "xxx"];

    /// <summary>Whether the key names a secret.</summary>
    public static bool IsSecretKey(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var separator = key.LastIndexOf(':');
        if (separator < 0)
        {
            return false;
        }

        var last = key[(separator + 1)..];
        return SecretSuffixes.Any(s => last.EndsWith(s, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Why <paramref name="value"/> is not acceptable as a secret outside development, or null when it is.</summary>
    public static string? Weakness(string? value)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return "is empty";
        }

        if (KnownDefaults.Contains(text) || PlaceholderPrefixes.Any(p => text.StartsWith(p, StringComparison.OrdinalIgnoreCase)))
        {
            return "is a known default or placeholder value";
        }

        return null;
    }

    /// <summary>Every configured secret that is empty or a default, as "key: reason", in key order.</summary>
    public static IReadOnlyList<string> FindProblems(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return [.. configuration.AsEnumerable()
            .Where(kv => IsSecretKey(kv.Key) && !HasChildren(configuration, kv.Key))
            .Select(kv => (kv.Key, Reason: Weakness(kv.Value)))
            .Where(p => p.Reason is not null)
            .OrderBy(p => p.Key, StringComparer.OrdinalIgnoreCase)
            .Select(p => $"{p.Key}: {p.Reason} (set a strong secret through the environment)")];
    }

    // A section such as "Alerts:Token" holding children is not itself a value.
    private static bool HasChildren(IConfiguration configuration, string key) => configuration.GetSection(key).GetChildren().Any();
}
