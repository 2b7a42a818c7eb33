using MQTTnet;
using MQTTnet.Formatter;

namespace SmartOverhalla.Mqtt;

/// <summary>Applies <see cref="MqttConnectionOptions"/> to an MQTTnet options builder, so every client connects alike.</summary>
public static class MqttClientOptionsBuilderExtensions
{
    public static MqttClientOptionsBuilder WithConnection(this MqttClientOptionsBuilder builder, MqttConnectionOptions options)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);

        builder = builder
            .WithTcpServer(options.Host, options.Port)
            // (this overload edits the TCP options just set.) MQTTnet applies BufferSize to SO_RCVBUF and SO_SNDBUF on
            // every connect; its 8 KiB default stalls a backlog (MqttConnectionOptions.SocketBufferSize).
            .WithTcpServer(tcp => tcp.BufferSize = options.SocketBufferSize)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithKeepAlivePeriod(options.KeepAlive)
            .WithTimeout(options.ConnectTimeout);

        if (!string.IsNullOrEmpty(options.Username))
        {
            builder = builder.WithCredentials(options.Username, options.Password ?? string.Empty);
        }

        if (options.Tls.Enabled)
        {
            builder = builder.WithTlsOptions(BrokerCertificateCheck.TlsOptions(options.Tls, options.Host));
        }

        return builder;
    }
}
