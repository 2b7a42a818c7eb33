using System.Text;
using MQTTnet;
using MQTTnet.Protocol;

namespace SmartOverhalla.EndToEnd.Tests;

/// <summary>A misbehaving device: publishes whatever bytes it is given at QoS 1.</summary>
internal sealed class RawPublisher(string host, int port) : IAsyncDisposable
{
    private readonly IMqttClient _client = new MqttClientFactory().CreateMqttClient();

    public async Task PublishAsync(string topic, string payload, CancellationToken cancellationToken)
    {
        if (!_client.IsConnected)
        {
            await _client.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer(host, port).WithClientId("intruder-" + Guid.NewGuid().ToString("N")[..8]).Build(), cancellationToken);
        }

        var result = await _client.PublishAsync(
            new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(Encoding.UTF8.GetBytes(payload)).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build(),
            cancellationToken);
        Assert.True(result.IsSuccess, $"publish to {topic} refused: {result.ReasonCode}");
    }

    public async ValueTask DisposeAsync()
    {
        if (_client.IsConnected)
        {
            await _client.DisconnectAsync();
        }

        _client.Dispose();
    }
}
