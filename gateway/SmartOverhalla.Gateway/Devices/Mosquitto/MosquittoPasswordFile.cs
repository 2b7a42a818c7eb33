using System.Text;

namespace SmartOverhalla.Gateway.Devices.Mosquitto;

/// <summary>
/// Mosquitto's <c>password_file</c>: one <c>user:$7$iterations$salt$hash</c> line per login (PBKDF2-SHA512, the
/// format <c>mosquitto_passwd</c> writes, <see cref="SecretHash"/>). Device lines carry the registry's hashes as they
/// are; the gateway never sees a device secret again after registering it.
/// </summary>
internal static class MosquittoPasswordFile
{
    public static string Render(IEnumerable<(string Username, string Hash)> logins)
    {
        var text = new StringBuilder();
        foreach (var (username, hash) in logins)
        {
            // The registry's and the options validator's rules keep ':' and line breaks out of user names; check anyway,
            // since one bad line would make Mosquitto refuse the whole file.
            if (username.AsSpan().IndexOfAny(":\r\n") >= 0 || !SecretHash.IsWellFormed(hash))
            {
                throw new InvalidDataException($"Login '{username}' cannot be written to a Mosquitto password file.");
            }

            text.Append(username).Append(':').Append(hash).Append('\n');
        }

        return text.ToString();
    }
}
