using System.ComponentModel.DataAnnotations;

namespace SmartOverhalla.Mqtt;

/// <summary>Where and how a platform service or simulator connects to the MQTT broker.</summary>
public sealed class MqttConnectionOptions
{
    public const string DefaultHost = "127.0.0.1";
    public const int DefaultPort = 1883;

    /// <summary>Broker host name or address.</summary>
    [Required]
    public string Host { get; set; } = DefaultHost;

    /// <summary>Broker TCP port.</summary>
    [Range(1, 65535)]
    public int Port { get; set; } = DefaultPort;

    /// <summary>User name; none connects anonymously (where the broker allows it).</summary>
    public string? Username { get; set; }

    /// <summary>Password for <see cref="Username"/>; from configuration or environment, never from the repo.</summary>
    public string? Password { get; set; }

    /// <summary>MQTT keep-alive interval.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "00:10:00")]
    public TimeSpan KeepAlive { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long one connect attempt may take.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often a lost connection is tried again.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:05:00")]
    public TimeSpan ReconnectDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Section <c>Tls</c>: MQTT over TLS (MQTT's TLS port is 8883).</summary>
    public MqttTlsOptions Tls { get; set; } = new();
}
