using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MQTTnet;
using MQTTnet.Protocol;
using SmartOverhalla.Contracts.Topics;
using SmartOverhalla.Ingestion.LoRaWan;
using SmartOverhalla.Ingestion.Pipeline;
using SmartOverhalla.LoRaWan.Topics;
using SmartOverhalla.Mqtt;

namespace SmartOverhalla.Ingestion.Mqtt;

/// <summary>
/// Holds the worker's MQTT connection: a persistent session (fixed client id, clean start off), QoS 1
/// subscriptions to every device's telemetry, event, status and ack (and, with a LoRaWAN mapping file, the network
/// servers' uplinks), and manual acknowledgement so a
/// message is acknowledged only after it is stored. The reconnect loop is timer-driven inside the
/// service (house-style.md: not from the DisconnectedAsync event). The receive handler only validates,
/// maps and queues; the batch writer does the rest.
/// </summary>
internal sealed class MqttIngestionService(
    IOptions<IngestionOptions> options,
    IOptions<MqttConnectionOptions> connection,
    MessageIntake intake,
    LoRaWanIntake loRaWanIntake,
    IOptions<LoRaWanOptions> loRaWan,
    IngestionQueue queue,
    TimeProvider timeProvider,
    ILogger<MqttIngestionService> logger) : BackgroundService
{
    internal static readonly MessageType[] IngestedMessages = [MessageType.Telemetry, MessageType.Event, MessageType.Status, MessageType.Ack];

    private readonly IngestionOptions _options = options.Value;
    private readonly MqttConnectionOptions _connection = connection.Value;
    private readonly bool _loRaWan = loRaWan.Value.Enabled;

    /// <summary>Set when a message could not be handled: it holds one of the receive-maximum slots until the connection ends.</summary>
    private volatile bool _reconnectRequested;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var client = MqttClients.CreateForHighVolume();
        client.ApplicationMessageReceivedAsync += e => OnMessageAsync(e, stoppingToken);
        client.DisconnectedAsync += e =>
        {
            if (e.ClientWasConnected && !stoppingToken.IsCancellationRequested)
            {
                Log.Disconnected(logger, e.ReasonString ?? e.Reason.ToString());
            }

            return Task.CompletedTask;
        };

        try
        {
            using var timer = new PeriodicTimer(_connection.ReconnectDelay, timeProvider);
            do
            {
                if (_reconnectRequested && client.IsConnected)
                {
                    // A message the handler could not take stays unacknowledged and would hold its in-flight slot for
                    // as long as the connection lasts; a new connection makes the broker deliver it (and any other
                    // unacknowledged one) again. Re-deliveries are idempotent.
                    _reconnectRequested = false;
                    Log.Reconnecting(logger);
                    await client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().WithReason(MqttClientDisconnectOptionsReason.NormalDisconnection).Build(), stoppingToken);
                }

                if (!client.IsConnected)
                {
                    await TryConnectAsync(client, stoppingToken);
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
            await StopReceivingAsync(client);
        }
    }

    private async Task TryConnectAsync(IMqttClient client, CancellationToken stoppingToken)
    {
        var clientOptions = new MqttClientOptionsBuilder()
            .WithConnection(_connection)
            .WithClientId(_options.ClientId)
            .WithCleanStart(false)
            .WithSessionExpiryInterval((uint)_options.SessionExpiry.TotalSeconds)
            .WithReceiveMaximum((ushort)_options.ReceiveMaximum)
            .Build();
        try
        {
            var result = await client.ConnectAsync(clientOptions, stoppingToken);
            Log.Connected(logger, _connection.Host, _connection.Port, _options.ClientId, result.IsSessionPresent);

            // Subscribing again on a resumed session is harmless and repairs a session the broker lost.
            var subscribe = new MqttClientSubscribeOptionsBuilder();
            var filters = IngestedMessages.Select(TopicNames.AllDevices)
                .Concat(_loRaWan ? NetworkTopics.UplinkFilters : [])
                .Select(Shared)
                .ToArray();
            foreach (var filter in filters)
            {
                subscribe.WithTopicFilter(f => f.WithTopic(filter).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce));
            }

            await client.SubscribeAsync(subscribe.Build(), stoppingToken);
            Log.Subscribed(logger, string.Join(", ", filters));
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            Log.ConnectFailed(logger, _connection.Host, _connection.Port, ex.Message, _connection.ReconnectDelay);
        }
    }

    private string Shared(string filter) =>
        _options.SharedSubscriptionGroup is { } group ? $"$share/{group}/{filter}" : filter;

    private async Task OnMessageAsync(MqttApplicationMessageReceivedEventArgs e, CancellationToken stoppingToken)
    {
        // Acknowledge only after the point is stored (design.md, Reliability: at-least-once).
        e.AutoAcknowledge = false;
        var topic = e.ApplicationMessage.Topic;
        try
        {
            var receipt = new MqttDeliveryReceipt(e);
            var item = _loRaWan && NetworkTopics.IsNetworkServerTopic(topic)
                ? loRaWanIntake.Accept(topic, e.ApplicationMessage.Payload, receipt)
                : intake.Accept(topic, e.ApplicationMessage.Payload, receipt);
            if (item.Rejected is { } rejected)
            {
                Log.MessageRejected(logger, topic.Length > 200 ? topic[..200] : topic, rejected.Reason);
            }

            await queue.Channel.Writer.WriteAsync(item, stoppingToken);
        }
        catch (Exception ex) when (ex is OperationCanceledException or System.Threading.Channels.ChannelClosedException)
        {
            // Stopping: not acknowledged, so the broker re-delivers it to the next session.
        }
        catch (Exception ex)
        {
            Log.HandlerFailed(logger, ex, topic.Length > 200 ? topic[..200] : topic);
            _reconnectRequested = true;
        }
    }

    /// <summary>Closes the queue, lets the batch writer store and acknowledge what is in it, then disconnects cleanly.</summary>
    private async Task StopReceivingAsync(IMqttClient client)
    {
        queue.Channel.Writer.TryComplete();
        try
        {
            await queue.Drained.WaitAsync(_options.DrainTimeout, timeProvider);
        }
        catch (TimeoutException)
        {
            Log.DrainIncomplete(logger, queue.Channel.Reader.Count);
        }

        if (client.IsConnected)
        {
            try
            {
                await client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().WithReason(MqttClientDisconnectOptionsReason.NormalDisconnection).Build());
            }
            catch (Exception ex) when (ex is MQTTnet.Exceptions.MqttCommunicationException or OperationCanceledException)
            {
                Log.Disconnected(logger, ex.Message);
            }
        }
    }
}
