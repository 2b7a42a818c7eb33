using System.Text.Json;
using Microsoft.Extensions.Options;
using MQTTnet;
using MQTTnet.Protocol;
using SmartOverhalla.Contracts.Json;
using SmartOverhalla.Contracts.Messages;
using SmartOverhalla.Contracts.Topics;
using SmartOverhalla.Contracts.Validation;
using SmartOverhalla.Gateway.Broker;
using SmartOverhalla.Gateway.LoRaWan;
using SmartOverhalla.LoRaWan.Topics;
using SmartOverhalla.Mqtt;

namespace SmartOverhalla.Gateway.Lighting;

/// <summary>
/// The gateway's own MQTT connection for control: a persistent session (acks sent while the gateway restarts
/// are kept by the broker), QoS 1 subscriptions to every street light's ack, telemetry, status and event (lamp
/// and driver faults become alerts), with a LoRaWAN mapping file also the network servers' uplinks and downlink
/// acknowledgements (<see cref="LoRaWanUplinkObserver"/>), and QoS 1 publishing of commands and downlinks. Incoming messages go through the contract
/// validator before anything reads them. The reconnect loop is timer-driven inside the service.
/// </summary>
internal sealed class ControlConnection(
    IOptions<BrokerOptions> broker,
    IOptions<LightingControlOptions> options,
    MessageValidator validator,
    LightReports reports,
    IOptions<LoRaWanControlOptions> loRaWan,
    LoRaWanUplinkObserver loRaWanObserver,
    TimeProvider timeProvider,
    ILogger<ControlConnection> logger) : BackgroundService, ICommandChannel
{
    private static readonly MessageType[] Subscribed = [MessageType.Ack, MessageType.Telemetry, MessageType.Status, MessageType.Event];
    private readonly IMqttClient _client = new MqttClientFactory().CreateMqttClient();
    private readonly bool _loRaWan = loRaWan.Value.Enabled;

    public bool IsConnected => _client.IsConnected;

    public async Task PublishAsync(string municipality, string lightId, DeviceCommand command, CancellationToken cancellationToken)
    {
        var topic = new DeviceTopic(municipality, DeviceKind.Streetlight, lightId, MessageType.Cmd).ToString();
        var message = new MqttApplicationMessageBuilder()
            .WithTopic(topic)
            .WithPayload(JsonSerializer.SerializeToUtf8Bytes(command, ContractJsonContext.Default.DeviceCommand))
            .WithContentType("application/json")
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build();
        await _client.PublishAsync(message, cancellationToken);
    }

    /// <summary>Publishes a network server's downlink (<see cref="LoRaWanCommandChannel"/>) with QoS 1.</summary>
    public async Task PublishRawAsync(string topic, byte[] payload, CancellationToken cancellationToken)
    {
        var message = new MqttApplicationMessageBuilder()
            .WithTopic(topic)
            .WithPayload(payload)
            .WithContentType("application/json")
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build();
        await _client.PublishAsync(message, cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        var connection = Endpoint(broker.Value);
        _client.ApplicationMessageReceivedAsync += e =>
        {
            Handle(e.ApplicationMessage.Topic, e.ApplicationMessage.Payload);
            return Task.CompletedTask;
        };
        try
        {
            using var timer = new PeriodicTimer(connection.ReconnectDelay, timeProvider);
            do
            {
                if (!_client.IsConnected)
                {
                    await TryConnectAsync(connection, stoppingToken);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
        finally
        {
            if (_client.IsConnected)
            {
                await _client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().Build(), CancellationToken.None);
            }
        }
    }

    public override void Dispose()
    {
        _client.Dispose();
        base.Dispose();
    }

    /// <summary>The broker the gateway itself talks to: its own embedded one, or the external one.</summary>
    internal static MqttConnectionOptions Endpoint(BrokerOptions broker)
    {
        if (broker.Mode == BrokerMode.External)
        {
            return broker.External;
        }

        var host = broker.Embedded.BindAddress is "0.0.0.0" or "::" ? "127.0.0.1" : broker.Embedded.BindAddress;
        var account = broker.Accounts.Gateway;
        return new MqttConnectionOptions { Host = host, Port = broker.Embedded.Port, ReconnectDelay = TimeSpan.FromSeconds(1), Username = account.Username, Password = account.Password };
    }

    private async Task TryConnectAsync(MqttConnectionOptions connection, CancellationToken stoppingToken)
    {
        try
        {
            var result = await _client.ConnectAsync(
                new MqttClientOptionsBuilder()
                    .WithConnection(connection)
                    .WithClientId(options.Value.ClientId)
                    .WithCleanStart(false)
                    .WithSessionExpiryInterval((uint)TimeSpan.FromDays(1).TotalSeconds)
                    .Build(),
                stoppingToken);
            var subscribe = new MqttClientSubscribeOptionsBuilder();
            foreach (var message in Subscribed)
            {
                var filter = $"{TopicNames.Root}/+/{TopicNames.Of(DeviceKind.Streetlight)}/+/{TopicNames.Of(message)}";
                subscribe.WithTopicFilter(f => f.WithTopic(filter).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce));
            }

            if (_loRaWan)
            {
                // LoRaWAN lights report and acknowledge through their network server.
                foreach (var filter in NetworkTopics.UplinkFilters.Concat(NetworkTopics.DownlinkAckFilters))
                {
                    subscribe.WithTopicFilter(f => f.WithTopic(filter).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce));
                }
            }

            await _client.SubscribeAsync(subscribe.Build(), stoppingToken);
            Log.ControlConnected(logger, connection.Host, connection.Port, result.IsSessionPresent);
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            Log.ControlConnectFailed(logger, connection.Host, connection.Port, ex.Message, connection.ReconnectDelay);
        }
    }

    private void Handle(string topic, System.Buffers.ReadOnlySequence<byte> payload)
    {
        if (_loRaWan && NetworkTopics.IsNetworkServerTopic(topic))
        {
            loRaWanObserver.Observe(topic, payload);
            return;
        }

        var result = validator.Validate(topic, payload);
        if (result is not { IsValid: true, Topic: { } deviceTopic, Message: { } message })
        {
            Log.MessageIgnored(logger, topic.Length > 200 ? topic[..200] : topic, result.ReasonCode ?? "invalid");
            return;
        }

        reports.Observe(deviceTopic, message);
    }
}
