using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace SmartOverhalla.Gateway.Security;

/// <summary>Validates the <c>ApiKeys</c> section at start, naming each bad key; never echoes a hash.</summary>
internal sealed partial class ApiKeyOptionsValidator : IValidateOptions<ApiKeyOptions>
{
    public ValidateOptionsResult Validate(string? name, ApiKeyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        var hashes = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (keyName, entry) in options.Keys)
        {
            var path = $"{ApiKeyOptions.SectionName}:{nameof(ApiKeyOptions.Keys)}:{keyName}";
            if (!KeyName().IsMatch(keyName))
            {
                failures.Add($"{path}: the key name must be 1-64 ASCII letters, digits, '-' or '_', starting with a letter or digit.");
            }

            if (entry?.Hash is not { } hash || !Sha256Hex().IsMatch(hash))
            {
                failures.Add($"{path}:{nameof(ApiKeyEntry.Hash)}: must be the SHA-256 of the key as 64 hexadecimal digits (README, \"API keys\").");
            }
            else if (!hashes.Add(hash))
            {
                failures.Add($"{path}:{nameof(ApiKeyEntry.Hash)}: the same key is configured under another name; give each user or system its own key.");
            }

            var roles = ApiKeyRing.ParseRoles(entry?.Roles);
            if (roles.Count == 0)
            {
                failures.Add($"{path}:{nameof(ApiKeyEntry.Roles)}: give at least one role ({string.Join(", ", ApiRoles.All)}), comma-separated.");
            }

            foreach (var role in roles.Where(r => !ApiRoles.All.Contains(r, StringComparer.Ordinal)))
            {
                failures.Add($"{path}:{nameof(ApiKeyEntry.Roles)}: unknown role '{role}'; the roles are {string.Join(", ", ApiRoles.All)}.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex KeyName();

    [GeneratedRegex("^[0-9A-Fa-f]{64}$", RegexOptions.CultureInvariant)]
    private static partial Regex Sha256Hex();
}
