using System.ComponentModel.DataAnnotations;

namespace SmartOverhalla.Gateway.Broker;

/// <summary>
/// Configuration section <c>Broker:Embedded:Tls</c>: an MQTT-over-TLS listener for devices (MQTT's registered port
/// 8883), beside the plain listener that the platform's own services use on loopback. The certificate is either a
/// PEM certificate with a PEM key (<see cref="KeyPath"/>, the files Mosquitto uses too) or a PKCS#12 file with
/// <see cref="CertificatePassword"/>.
/// </summary>
internal sealed class EmbeddedTlsOptions
{
    public const int DefaultPort = 8883;

    public bool Enabled { get; set; }

    /// <summary>Address of the TLS listener; devices on a network need e.g. <c>0.0.0.0</c> while the plain listener stays on loopback.</summary>
    [Required]
    public string BindAddress { get; set; } = EmbeddedBrokerOptions.DefaultBindAddress;

    [Range(1, 65535)]
    public int Port { get; set; } = DefaultPort;

    /// <summary>PEM certificate (with <see cref="KeyPath"/>) or PKCS#12 file, relative to the content root.</summary>
    public string? CertificatePath { get; set; }

    /// <summary>PEM private key of a PEM certificate; unset for PKCS#12.</summary>
    public string? KeyPath { get; set; }

    /// <summary>Password of a PKCS#12 file; from the environment only (<c>Broker__Embedded__Tls__CertificatePassword</c>).</summary>
    public string? CertificatePassword { get; set; }
}
