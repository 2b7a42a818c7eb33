using System.Buffers;
using System.Collections.Concurrent;
using System.Text;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using SmartOverhalla.Testing;

namespace SmartOverhalla.Simulators.Tests.Support;

/// <summary>A plain MQTT 5 subscriber that records what the broker delivers, retain flags as published.</summary>
internal sealed class MqttRecorder : IAsyncDisposable
{
    private readonly IMqttClient _client;
    private readonly ConcurrentQueue<ReceivedMessage> _messages = new();
    private readonly string _sentinelRoot;

    private MqttRecorder(IMqttClient client, string sentinelRoot)
    {
        _client = client;
        _sentinelRoot = sentinelRoot;
        _client.ApplicationMessageReceivedAsync += e =>
        {
            var message = e.ApplicationMessage;
            _messages.Enqueue(new ReceivedMessage(message.Topic, message.Payload.ToArray(), message.Retain));
            return Task.CompletedTask;
        };
    }

    public IReadOnlyList<ReceivedMessage> Messages => [.. _messages];

    /// <summary>
    /// Subscribes to everything of <paramref name="municipality"/> (or only its <paramref name="messageType"/> topics).
    /// Retain-as-published keeps the flag the device set, so a test can see a status was retained.
    /// </summary>
    public static async Task<MqttRecorder> StartAsync(string host, int port, string municipality, CancellationToken cancellationToken, string messageType = "#")
    {
        var filter = messageType == "#" ? $"smartcity/v1/{municipality}/#" : $"smartcity/v1/{municipality}/+/+/{messageType}";
        return await StartAsync(host, port, [filter], $"smartcity/v1/{municipality}/sentinel", cancellationToken);
    }

    /// <summary>Subscribes to <paramref name="filters"/> (e.g. a LoRaWAN integration's topics of one device), with its own sentinel topic.</summary>
    public static async Task<MqttRecorder> StartAsync(string host, int port, IReadOnlyList<string> filters, string sentinelTopic, CancellationToken cancellationToken)
    {
        var client = new MqttClientFactory().CreateMqttClient();
        var recorder = new MqttRecorder(client, sentinelTopic);
        await client.ConnectAsync(
            new MqttClientOptionsBuilder()
                .WithTcpServer(host, port)
                .WithProtocolVersion(MqttProtocolVersion.V500)
                .WithClientId("recorder-" + Guid.NewGuid().ToString("N")[..12])
                .WithCleanStart(true)
                .Build(),
            cancellationToken);
        var subscription = new MqttClientSubscribeOptionsBuilder()
            .WithTopicFilter(f => f.WithTopic(recorder._sentinelRoot).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce));
        foreach (var filter in filters)
        {
            subscription = subscription.WithTopicFilter(f => f.WithTopic(filter).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).WithRetainAsPublished(true));
        }

        await client.SubscribeAsync(subscription.Build(), cancellationToken);
        return recorder;
    }

    /// <summary>
    /// Publishes a sentinel after everything acknowledged so far and waits for it: whatever was
    /// going to arrive before it has arrived, so a count taken now is final.
    /// </summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        var marker = Guid.NewGuid().ToString("N");
        await _client.PublishAsync(
            new MqttApplicationMessageBuilder().WithTopic(_sentinelRoot).WithPayload(marker).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build(),
            cancellationToken);
        await Eventually.UntilAsync(
            () => _messages.Any(m => m.Topic == _sentinelRoot && Encoding.UTF8.GetString(m.Payload) == marker),
            TimeSpan.FromSeconds(10),
            "the sentinel to come back",
            cancellationToken);
    }

    /// <summary>Publishes with QoS 1 as the platform would (e.g. a command), and waits for the broker's PUBACK.</summary>
    public Task PublishAsync(string topic, byte[] payload, CancellationToken cancellationToken) =>
        _client.PublishAsync(
            new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(payload).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build(),
            cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (_client.IsConnected)
        {
            await _client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().Build(), CancellationToken.None);
        }

        _client.Dispose();
    }
}
