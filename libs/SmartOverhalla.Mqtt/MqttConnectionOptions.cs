using System.ComponentModel.DataAnnotations;

namespace SmartOverhalla.Mqtt;

/// <summary>Where and how a platform service or simulator connects to the MQTT broker.</summary>
public sealed class MqttConnectionOptions
{
    public const string DefaultHost = "127.0.0.1";
    public const int DefaultPort = 1883;
    public const int DefaultSocketBufferSize = 4 * 1024 * 1024;

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

    /// <summary>
    /// Socket receive and send buffer (SO_RCVBUF, SO_SNDBUF) in bytes. MQTTnet 5 always sets both, to 8 KiB unless told
    /// otherwise (<c>MqttClientTcpOptions.BufferSize</c>); Linux doubles that to 16 KiB and, because it was set, stops
    /// sizing the receive buffer itself. 16 KiB holds about 140 telemetry messages: a broker draining a backlog of QoS 1
    /// messages overruns it, segments are dropped and retransmitted after a time-out, and delivery collapses (issue 13;
    /// bench/results/backlog-drain.md). The default, 4 MiB, holds the worker's whole receive maximum (10,000 messages
    /// of up to about 400 bytes). The kernel caps it at <c>net.core.rmem_max</c>/<c>wmem_max</c> (Debian's default is
    /// 208 KiB; raise them for a high-rate worker) and only uses the memory while data waits in the buffer.
    /// </summary>
    [Range(64 * 1024, 64 * 1024 * 1024)]
    public int SocketBufferSize { get; set; } = DefaultSocketBufferSize;

    /// <summary>Section <c>Tls</c>: MQTT over TLS (MQTT's TLS port is 8883).</summary>
    public MqttTlsOptions Tls { get; set; } = new();
}
