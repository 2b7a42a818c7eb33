using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace SmartOverhalla.Gateway.Devices;

/// <summary>
/// Hashes and checks secrets in Mosquitto 2's password-file form <c>$7$iterations$salt$hash</c>: PBKDF2 with
/// HMAC-SHA512, a 12-byte random salt, a 64-byte result, both in standard base64 (Mosquitto's
/// <c>mosquitto_passwd</c> writes the same). One hash serves both brokers: the embedded broker checks it here and
/// the Mosquitto password file carries it verbatim.
/// <para>
/// Why few iterations are enough for devices: device secrets are 256 random bits (<see cref="DeviceSecrets"/>),
/// so guessing is infeasible whatever the work factor; stretching protects low-entropy, human-chosen passwords.
/// The iteration count is configurable (<c>Devices:HashIterations</c>) for service accounts' passwords.
/// </para>
/// </summary>
public static class SecretHash
{
    private const string Prefix = "$7$";
    private const int SaltBytes = 12;
    private const int HashBytes = 64;

    public static string Create(string secret, int iterations)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        ArgumentOutOfRangeException.ThrowIfLessThan(iterations, 1);
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        var hash = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(secret), salt, iterations, HashAlgorithmName.SHA512, HashBytes);
        return string.Create(CultureInfo.InvariantCulture, $"{Prefix}{iterations}${Convert.ToBase64String(salt)}${Convert.ToBase64String(hash)}");
    }

    /// <summary>True when <paramref name="secret"/> matches <paramref name="encoded"/>; false for a malformed hash. Compares in fixed time.</summary>
    public static bool Verify(string? secret, string encoded)
    {
        if (string.IsNullOrEmpty(secret) || !TryParse(encoded, out var iterations, out var salt, out var expected))
        {
            return false;
        }

        var actual = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(secret), salt, iterations, HashAlgorithmName.SHA512, expected.Length);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }

    public static bool IsWellFormed(string? encoded) => TryParse(encoded, out _, out _, out _);

    private static bool TryParse(string? encoded, out int iterations, out byte[] salt, out byte[] hash)
    {
        (iterations, salt, hash) = (0, [], []);
        if (encoded is null || !encoded.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var parts = encoded[Prefix.Length..].Split('$');
        if (parts.Length != 3
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out iterations)
            || iterations < 1)
        {
            return false;
        }

        try
        {
            salt = Convert.FromBase64String(parts[1]);
            hash = Convert.FromBase64String(parts[2]);
        }
        catch (FormatException)
        {
            return false;
        }

        return salt.Length > 0 && hash.Length == HashBytes;
    }
}
