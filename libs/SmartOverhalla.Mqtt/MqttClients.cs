using MQTTnet;
using MQTTnet.Diagnostics.Logger;

namespace SmartOverhalla.Mqtt;

/// <summary>How the platform's services create their MQTT clients.</summary>
public static class MqttClients
{
    /// <summary>
    /// A client for a connection that carries many messages a second (the ingestion worker): reads buffered and writes
    /// gathered by <see cref="CoalescingMqttChannel"/>, so that a batch's acknowledgements cost a few system calls.
    /// </summary>
    public static IMqttClient CreateForHighVolume() =>
        new MqttClientFactory().CreateMqttClient(new MqttNetNullLogger(), new CoalescingMqttClientAdapterFactory());
}
