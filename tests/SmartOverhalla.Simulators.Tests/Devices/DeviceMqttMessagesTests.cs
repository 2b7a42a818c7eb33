using System.Buffers;
using System.Text.Json;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using SmartOverhalla.Contracts.Json;
using SmartOverhalla.Contracts.Messages;
using SmartOverhalla.Mqtt;
using SmartOverhalla.Simulators.Devices;

namespace SmartOverhalla.Simulators.Tests.Devices;

public sealed class DeviceMqttMessagesTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 15, 17, 0, 0, TimeSpan.Zero);
    private const string StatusTopic = "smartcity/v1/overhalla/streetlight/sim-light-0001/status";

    [Fact]
    public void ClientOptions_ForADevice_UseItsIdAndMqtt5WithARetainedOfflineWill()
    {
        // When
        var options = DeviceMqttMessages.ClientOptions(new MqttConnectionOptions { Port = 1884 }, "sim-light-0001", StatusTopic, Now);

        // Then
        Assert.Equal("sim-light-0001", options.ClientId);
        Assert.Equal(MqttProtocolVersion.V500, options.ProtocolVersion);
        Assert.Equal(StatusTopic, options.WillTopic);
        Assert.True(options.WillRetain);
        Assert.Equal(MqttQualityOfServiceLevel.AtLeastOnce, options.WillQualityOfServiceLevel);
        var will = JsonSerializer.Deserialize(options.WillPayload, ContractJsonContext.Default.DeviceStatus);
        Assert.Equal(new DeviceStatus("sim-light-0001", Now, DeviceState.Offline), will);
    }

    [Fact]
    public void Message_ForAStatus_IsQos1RetainedJson()
    {
        // When
        var message = DeviceMqttMessages.Message(StatusTopic, new DeviceStatus("sim-light-0001", Now, DeviceState.Online), retain: true);

        // Then
        Assert.Equal(StatusTopic, message.Topic);
        Assert.Equal(MqttQualityOfServiceLevel.AtLeastOnce, message.QualityOfServiceLevel);
        Assert.True(message.Retain);
        Assert.Equal("application/json", message.ContentType);
        Assert.Equal("""{"deviceId":"sim-light-0001","ts":"2026-01-15T17:00:00Z","state":"online"}""", System.Text.Encoding.UTF8.GetString(message.Payload.ToArray()));
    }

    [Fact]
    public void CommandSubscription_ForADevice_IsItsOwnCmdTopicWithQos1()
    {
        var subscription = DeviceMqttMessages.CommandSubscription("smartcity/v1/overhalla/streetlight/sim-light-0001/cmd");

        var filter = Assert.Single(subscription.TopicFilters);
        Assert.Equal("smartcity/v1/overhalla/streetlight/sim-light-0001/cmd", filter.Topic);
        Assert.Equal(MqttQualityOfServiceLevel.AtLeastOnce, filter.QualityOfServiceLevel);
    }
}
