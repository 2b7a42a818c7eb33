using System.Security.Cryptography.X509Certificates;

namespace SmartOverhalla.Gateway.Broker;

/// <summary>Loads the TLS listener's certificate: PEM certificate + PEM key, or PKCS#12 with its password.</summary>
internal static class TlsCertificate
{
    public static X509Certificate2 Load(EmbeddedTlsOptions tls, string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(tls);
        var certificatePath = Path.GetFullPath(tls.CertificatePath ?? throw new InvalidOperationException("Broker:Embedded:Tls:CertificatePath is not set."), contentRoot);
        if (string.IsNullOrEmpty(tls.KeyPath))
        {
            return X509CertificateLoader.LoadPkcs12FromFile(certificatePath, tls.CertificatePassword);
        }

        using var pem = X509Certificate2.CreateFromPemFile(certificatePath, Path.GetFullPath(tls.KeyPath, contentRoot));
        // A PEM key is ephemeral; SslStream needs the key in a store-backed form on some platforms, so round-trip through PKCS#12.
        return X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), null);
    }
}
