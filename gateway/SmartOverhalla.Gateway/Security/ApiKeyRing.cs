using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace SmartOverhalla.Gateway.Security;

/// <summary>
/// The configured keys, ready to check a presented key against: its SHA-256 is compared with every configured
/// hash in constant time (<see cref="CryptographicOperations.FixedTimeEquals"/>), and the loop never stops early,
/// so the time taken says nothing about which key, or how much of one, matched.
/// </summary>
internal sealed class ApiKeyRing
{
    /// <summary>Longest key accepted; longer input is refused before hashing.</summary>
    public const int MaxKeyLength = 256;

    private readonly Identity[] _identities;
    private long _refused;

    /// <summary>Keys refused since start (wrong or unknown keys).</summary>
    public long Refused => Interlocked.Read(ref _refused);

    /// <summary>Counts one refused key and returns the total so far.</summary>
    public long CountRefusal() => Interlocked.Increment(ref _refused);

    public ApiKeyRing(IOptions<ApiKeyOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _identities = [.. options.Value.Keys
            .Where(k => k.Value?.Hash is { Length: 64 })
            .Select(k => new Identity(k.Key, Convert.FromHexString(k.Value.Hash!), ParseRoles(k.Value.Roles)))];
    }

    /// <summary>How many keys are configured.</summary>
    public int Count => _identities.Length;

    /// <summary>The identity whose key is <paramref name="key"/>, or null.</summary>
    public Identity? Find(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length is 0 or > MaxKeyLength)
        {
            return null;
        }

        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(key), hash);
        Identity? found = null;
        foreach (var identity in _identities)
        {
            if (CryptographicOperations.FixedTimeEquals(hash, identity.Hash))
            {
                found = identity;
            }
        }

        return found;
    }

    /// <summary>SHA-256 of <paramref name="key"/> as lower-case hex: what <c>ApiKeys:Keys:{name}:Hash</c> holds.</summary>
    public static string HashOf(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
    }

    /// <summary>A new key: 256 random bits, base64url without padding (43 characters).</summary>
    public static string NewKey() => Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    public static IReadOnlyList<string> ParseRoles(string? roles) =>
        roles is null ? [] : [.. roles.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal)];

    private static string Base64UrlEncode(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>One key's owner: its name and roles.</summary>
    internal sealed record Identity(string Name, byte[] Hash, IReadOnlyList<string> Roles);
}
