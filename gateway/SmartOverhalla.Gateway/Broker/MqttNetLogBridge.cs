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
        if (logLevel == MqttNetLogLevel.Error)
        {
            logger.MqttNetError(source, text, exception);
        }
        else
        {
            logger.MqttNetWarning(source, text, exception);
        }
    }
}
