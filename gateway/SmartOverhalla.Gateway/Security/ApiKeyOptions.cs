using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;
using SmartOverhalla.OptionsValidation;

namespace SmartOverhalla.Gateway.Security;

/// <summary>
/// The API keys the gateway accepts (section <c>ApiKeys</c>), set through the environment, e.g.
/// <c>ApiKeys__Keys__drift-kari__Hash=…</c> and <c>ApiKeys__Keys__drift-kari__Roles=operator</c>. Only hashes
/// are configured: SHA-256 of a key of at least 128 random bits, for which a fast hash is enough (nobody can
/// guess such a key from its hash; slow password hashes exist for guessable, human-chosen secrets).
/// </summary>
public sealed partial class ApiKeyOptions : IValidatableObject
{
    public const string SectionName = "ApiKeys";

    /// <summary>Key name (1–64 of a–z, A–Z, 0–9, '-', '_'; '_' where a shell must export it) → hash and roles.</summary>
    public Dictionary<string, ApiKeyEntry> Keys { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Names each bad key by its setting; never shows a hash.</summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var hashes = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (keyName, entry) in Keys)
        {
            var key = ConfigurationKey.Of(validationContext, nameof(Keys), keyName);
            if (!KeyName().IsMatch(keyName))
            {
                yield return new ValidationResult($"{key}: the key name must be 1-64 ASCII letters, digits, '-' or '_', starting with a letter or digit.", [nameof(Keys)]);
            }

            if (entry?.Hash is not { } hash || !Sha256Hex().IsMatch(hash))
            {
                yield return new ValidationResult($"{key}:{nameof(ApiKeyEntry.Hash)}: must be the SHA-256 of the key as 64 hexadecimal digits (README, \"API keys\").", [nameof(Keys)]);
            }
            else if (!hashes.Add(hash))
            {
                yield return new ValidationResult($"{key}:{nameof(ApiKeyEntry.Hash)}: the same key is configured under another name; give each user or system its own key.", [nameof(Keys)]);
            }

            var roles = ApiKeyRing.ParseRoles(entry?.Roles);
            if (roles.Count == 0)
            {
                yield return new ValidationResult($"{key}:{nameof(ApiKeyEntry.Roles)}: give at least one role ({string.Join(", ", ApiRoles.All)}), comma-separated.", [nameof(Keys)]);
            }

            foreach (var role in roles.Where(r => !ApiRoles.All.Contains(r, StringComparer.Ordinal)))
            {
                yield return new ValidationResult($"{key}:{nameof(ApiKeyEntry.Roles)}: unknown role '{role}'; the roles are {string.Join(", ", ApiRoles.All)}.", [nameof(Keys)]);
            }
        }
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex KeyName();

    [GeneratedRegex("^[0-9A-Fa-f]{64}$", RegexOptions.CultureInvariant)]
    private static partial Regex Sha256Hex();
}
