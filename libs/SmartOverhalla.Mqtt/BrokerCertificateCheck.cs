using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using MQTTnet;

namespace SmartOverhalla.Mqtt;

/// <summary>
/// Builds MQTTnet's TLS options from <see cref="MqttTlsOptions"/>: TLS 1.2 or 1.3, the host name checked, and the
/// chain checked against the system store or against one configured root certificate (never "accept anything").
/// </summary>
internal static class BrokerCertificateCheck
{
    public static MqttClientTlsOptions TlsOptions(MqttTlsOptions tls, string host)
    {
        var builder = new MqttClientTlsOptionsBuilder()
            .UseTls()
            .WithSslProtocols(SslProtocols.Tls12 | SslProtocols.Tls13)
            .WithTargetHost(string.IsNullOrEmpty(tls.TargetHost) ? host : tls.TargetHost);
        if (!string.IsNullOrEmpty(tls.CaCertificatePath))
        {
            var root = X509CertificateLoader.LoadCertificateFromFile(tls.CaCertificatePath);
            builder = builder.WithCertificateValidationHandler(e => IsTrusted(e.Certificate, e.SslPolicyErrors, root));
        }

        return builder.Build();
    }

    /// <summary>The name must match; the chain must end in <paramref name="root"/> (revocation is not checked: a private root has no CRL here).</summary>
    internal static bool IsTrusted(X509Certificate? certificate, SslPolicyErrors errors, X509Certificate2 root)
    {
        if (certificate is null || (errors & (SslPolicyErrors.RemoteCertificateNameMismatch | SslPolicyErrors.RemoteCertificateNotAvailable)) != 0)
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(root);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        using var presented = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        return chain.Build(presented);
    }
}
