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
