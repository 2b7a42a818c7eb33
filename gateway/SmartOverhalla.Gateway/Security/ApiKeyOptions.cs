namespace SmartOverhalla.Gateway.Security;

/// <summary>
/// The API keys the gateway accepts (section <c>ApiKeys</c>), set through the environment, e.g.
/// <c>ApiKeys__Keys__drift-kari__Hash=…</c> and <c>ApiKeys__Keys__drift-kari__Roles=operator</c>. Only hashes
/// are configured: SHA-256 of a key of at least 128 random bits, for which a fast hash is enough (nobody can
/// guess such a key from its hash; slow password hashes exist for guessable, human-chosen secrets).
/// </summary>
public sealed class ApiKeyOptions
{
    public const string SectionName = "ApiKeys";

    /// <summary>Key name (1–64 of a–z, A–Z, 0–9, '-', '_'; '_' where a shell must export it) → hash and roles.</summary>
    public Dictionary<string, ApiKeyEntry> Keys { get; set; } = new(StringComparer.Ordinal);
}
