using MQTTnet;
using MQTTnet.Protocol;
using SmartOverhalla.Contracts.Messages;
using SmartOverhalla.Mqtt;

namespace SmartOverhalla.Simulators.Devices;

/// <summary>The MQTT packets of a device: its connect options with the offline last will, its command subscription, and its QoS 1 messages.</summary>
internal static class DeviceMqttMessages
{
    private const string JsonContentType = "application/json";

    /// <summary>
    /// MQTT 5 connect options with client id = device id and a retained QoS 1 offline last will on the
    /// status topic. The will is fixed at connect time, so its ts is the connect time: the device
    /// cannot know when it will vanish.
    /// </summary>
    /// <param name="credentials">The device's own login (fleet key); null uses the connection's.</param>
    public static MqttClientOptions ClientOptions(
        MqttConnectionOptions connection, string deviceId, string statusTopic, DateTimeOffset now, (string Username, string Password)? credentials = null)
    {
        var will = DevicePayload.Serialize(new DeviceStatus(deviceId, now, DeviceState.Offline));
        var builder = new MqttClientOptionsBuilder().WithConnection(connection);
        if (credentials is { } own)
        {
            builder = builder.WithCredentials(own.Username, own.Password);
        }

        return builder
            .WithClientId(deviceId)
            .WithCleanStart(true)
            .WithWillTopic(statusTopic)
            .WithWillPayload(will)
            .WithWillRetain(true)
            .WithWillQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .WithWillContentType(JsonContentType)
            .WithWillPayloadFormatIndicator(MqttPayloadFormatIndicator.CharacterData)
            .Build();
    }

    /// <summary>
    /// The subscription to the device's own <c>cmd</c> topic with QoS 1 (design.md: commands are QoS 1).
    /// No wildcard: a device listens to its own commands only, as the broker's ACLs will allow.
    /// </summary>
    public static MqttClientSubscribeOptions CommandSubscription(string commandTopic) =>
        new MqttClientSubscribeOptionsBuilder()
            .WithTopicFilter(filter => filter.WithTopic(commandTopic).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce))
            .Build();

    /// <summary>A QoS 1 JSON message (MQTT 5 content type and UTF-8 payload indicator set).</summary>
    public static MqttApplicationMessage Message(string topic, IDeviceMessage message, bool retain) =>
        new MqttApplicationMessageBuilder()
            .WithTopic(topic)
            .WithPayload(DevicePayload.Serialize(message))
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .WithRetainFlag(retain)
            .WithContentType(JsonContentType)
            .WithPayloadFormatIndicator(MqttPayloadFormatIndicator.CharacterData)
            .Build();
}
