namespace SmartOverhalla.Testing.Servers;

/// <summary>
/// Opt-in secured mode of <see cref="MosquittoServer"/>: anonymous clients refused, users from
/// <paramref name="PasswordFile"/>, rights from <paramref name="AclFile"/> (the project's
/// deploy/mosquitto/security.conf.template), and optionally a TLS listener with a PEM certificate and key
/// (tls.conf.template) on a port of its own.
/// </summary>
public sealed record MosquittoSecurity(string PasswordFile, string AclFile, string? CertificateFile = null, string? KeyFile = null)
{
    public bool HasTls => CertificateFile is not null && KeyFile is not null;
}
