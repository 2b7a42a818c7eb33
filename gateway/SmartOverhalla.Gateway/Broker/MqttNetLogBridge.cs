using System.Globalization;
using Microsoft.Extensions.Logging;
using MQTTnet.Diagnostics.Logger;

namespace SmartOverhalla.Gateway.Broker;

/// <summary>
/// Forwards MQTTnet's own warnings and errors to the gateway's log. Verbose and info messages stay out: they
/// are per-packet chatter, and only the two upper levels are needed to diagnose the broker.
/// MQTTnet's messages carry client ids, endpoints and topics, never payloads.
/// </summary>
internal sealed class MqttNetLogBridge(ILogger logger) : IMqttNetLogger
{
    public bool IsEnabled => logger.IsEnabled(LogLevel.Warning);

    public void Publish(MqttNetLogLevel logLevel, string source, string message, object[] parameters, Exception exception)
    {
        if (logLevel is not (MqttNetLogLevel.Warning or MqttNetLogLevel.Error))
        {
            return;
        }

        var text = parameters is { Length: > 0 } ? string.Format(CultureInfo.InvariantCulture, message, parameters) : message;

        // One client's connection failing at the transport (a failed TLS handshake: plain MQTT on the TLS port, a client
        // that does not trust the certificate, a port scanner; or a socket closed mid-handshake) is the client's
        // problem, not the broker's, which goes on serving everyone else: a warning, not an error.
        if (logLevel == MqttNetLogLevel.Error && IsClientTransportFailure(exception))
        {
            logger.MqttNetWarning(source, text, exception);
            return;
        }

        if (logLevel == MqttNetLogLevel.Error)
        {
            logger.MqttNetError(source, text, exception);
        }
        else
        {
            logger.MqttNetWarning(source, text, exception);
        }
    }

    private static bool IsClientTransportFailure(Exception? exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is System.Security.Authentication.AuthenticationException or IOException)
            {
                return true;
            }
        }

        return false;
    }
}
