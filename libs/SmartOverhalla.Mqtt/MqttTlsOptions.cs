namespace SmartOverhalla.Mqtt;

/// <summary>
/// Section <c>Mqtt:Tls</c> (or <c>Broker:External:Tls</c>): MQTT over TLS. The broker's certificate is checked
/// against the system's trusted roots, or, with <see cref="CaCertificatePath"/>, against that one certificate (a
/// municipality's own CA or a self-signed broker certificate); the host name is always checked.
/// </summary>
public sealed class MqttTlsOptions
{
    public bool Enabled { get; set; }

    /// <summary>PEM (or DER) certificate to trust as the root instead of the system store; unset uses the system store.</summary>
    public string? CaCertificatePath { get; set; }

    /// <summary>Name to check the broker's certificate against; unset uses <see cref="MqttConnectionOptions.Host"/>.</summary>
    public string? TargetHost { get; set; }
}
