using System.Buffers;
using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using MQTTnet;
using MQTTnet.Protocol;
using SmartOverhalla.Mqtt;
using SmartOverhalla.Simulators.Configuration;
using SmartOverhalla.Simulators.Devices;
using SmartOverhalla.Simulators.Hosting;

namespace SmartOverhalla.Simulators.LoRaWan;

/// <summary>
/// The simulated network server's MQTT integration: ONE connection, logged in with the network-server account, that
/// publishes the uplinks and downlink acks of every simulated LoRaWAN device and subscribes to the platform's downlinks
/// (ChirpStack <c>application/+/device/+/command/down</c>, TTS <c>v3/+/devices/+/down/push</c>), handing each to its
/// device. The devices' loops (re)connect it through <see cref="EnsureConnectedAsync"/>, never its disconnect event.
/// </summary>
internal sealed class NetworkServerConnection : IAsyncDisposable
{
    public const string ChirpStackDownlinkFilter = "application/+/device/+/command/down";
    public const string TtsDownlinkFilter = "v3/+/devices/+/down/push";

    private static readonly TimeSpan CleanStopTimeout = TimeSpan.FromSeconds(5);

    private readonly MqttConnectionOptions _mqtt;
    private readonly NetworkServerOptions _account;
    private readonly string _clientId;
    private readonly TimeProvider _time;
    private readonly SimulatorMetrics _metrics;
    private readonly ILogger _logger;
    private readonly IMqttClient _client;
    private readonly SemaphoreSlim _connecting = new(1, 1);
    private readonly ConcurrentDictionary<string, LoRaWanDeviceLink> _chirpStackDevices = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, LoRaWanDeviceLink> _ttsDevices = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _closing = new();
    private DateTimeOffset? _lastFailedAttempt;
    private volatile bool _stopping;

    /// <param name="clientId">MQTT client id: the account's user name, a dash and the simulator's device id prefix (the embedded broker lets a service account use only client ids it owns: its name, or its name and a dash).</param>
    public NetworkServerConnection(MqttConnectionOptions mqtt, NetworkServerOptions account, string clientId, MqttClientFactory clientFactory, TimeProvider time, SimulatorMetrics metrics, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(mqtt);
        ArgumentNullException.ThrowIfNull(account);
        ArgumentException.ThrowIfNullOrEmpty(clientId);
        ArgumentNullException.ThrowIfNull(clientFactory);
        (_mqtt, _account, _clientId, _time, _metrics, _logger) = (mqtt, account, clientId, time, metrics, logger);
        _client = clientFactory.CreateMqttClient();
        _client.DisconnectedAsync += OnDisconnectedAsync;
        _client.ApplicationMessageReceivedAsync += OnMessageReceivedAsync;
    }

    /// <summary>Takes the downlinks of <paramref name="link"/>'s device from now on.</summary>
    public void Register(LoRaWanDeviceLink link)
    {
        ArgumentNullException.ThrowIfNull(link);
        var identity = link.Identity;
        if (identity.Network == LoRaWanNetwork.ChirpStack)
        {
            _chirpStackDevices[identity.DevEui] = link;
        }
        else
        {
            _ttsDevices[TtsKey(identity.Profile.TtsApplicationId, identity.DeviceId)] = link;
        }
    }

    /// <summary>
    /// Connects and subscribes unless connected; false when that failed. Many devices call it at once: one connects,
    /// and after a failed attempt the others wait for the reconnect delay instead of each trying again at once.
    /// </summary>
    public async Task<bool> EnsureConnectedAsync(CancellationToken cancellationToken)
    {
        if (_client.IsConnected)
        {
            return true;
        }

        await _connecting.WaitAsync(cancellationToken);
        try
        {
            if (_client.IsConnected)
            {
                return true;
            }

            if (_lastFailedAttempt is { } failed && _time.GetUtcNow() - failed < _mqtt.ReconnectDelay)
            {
                return false;
            }

            if (await TryConnectAsync(cancellationToken))
            {
                _lastFailedAttempt = null;
                return true;
            }

            _lastFailedAttempt = _time.GetUtcNow();
            return false;
        }
        finally
        {
            _connecting.Release();
        }
    }

    /// <summary>Publishes <paramref name="payload"/> as the integration, QoS 1 JSON.</summary>
    public async Task<(PublishOutcome Outcome, string? Reason)> PublishAsync(string topic, byte[] payload, CancellationToken cancellationToken)
    {
        var message = new MqttApplicationMessageBuilder()
            .WithTopic(topic)
            .WithPayload(payload)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .WithContentType("application/json")
            .WithPayloadFormatIndicator(MqttPayloadFormatIndicator.CharacterData)
            .Build();
        try
        {
            var result = await _client.PublishAsync(message, cancellationToken);
            return result.ReasonCode is MqttClientPublishReasonCode.Success or MqttClientPublishReasonCode.NoMatchingSubscribers
                ? (PublishOutcome.Acknowledged, null)
                : (PublishOutcome.Refused, result.ReasonCode.ToString());
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return (PublishOutcome.Failed, ex.Message);
        }
    }

    /// <summary>Disconnects normally (the devices have stopped); never throws.</summary>
    public async ValueTask DisposeAsync()
    {
        _stopping = true;
        await _closing.CancelAsync();
        if (_client.IsConnected)
        {
            using var timeout = new CancellationTokenSource(CleanStopTimeout, _time);
            try
            {
                await _client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().WithReason(MqttClientDisconnectOptionsReason.NormalDisconnection).Build(), timeout.Token);
            }
            catch (Exception ex)
            {
                _logger.NetworkServerConnectionLost(ex.Message);
            }
        }

        _client.DisconnectedAsync -= OnDisconnectedAsync;
        _client.ApplicationMessageReceivedAsync -= OnMessageReceivedAsync;
        _client.Dispose();
        _connecting.Dispose();
        _closing.Dispose();
    }

    /// <summary>The key of a TTS device: application id without its <c>@tenant</c>, and device id.</summary>
    private static string TtsKey(string applicationId, string deviceId)
    {
        var at = applicationId.IndexOf('@', StringComparison.Ordinal);
        return (at < 0 ? applicationId : applicationId[..at]) + "/" + deviceId;
    }

    private async Task<bool> TryConnectAsync(CancellationToken cancellationToken)
    {
        var options = new MqttClientOptionsBuilder()
            .WithConnection(_mqtt)
            .WithCredentials(_account.Username, _account.Password ?? string.Empty)
            .WithClientId(_clientId)
            .WithCleanStart(true)
            .Build();
        try
        {
            var result = await _client.ConnectAsync(options, cancellationToken);
            if (result.ResultCode != MqttClientConnectResultCode.Success)
            {
                _logger.NetworkServerConnectFailed(_account.Username, result.ResultCode.ToString());
                return false;
            }

            var subscription = new MqttClientSubscribeOptionsBuilder()
                .WithTopicFilter(f => f.WithTopic(ChirpStackDownlinkFilter).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce))
                .WithTopicFilter(f => f.WithTopic(TtsDownlinkFilter).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce))
                .Build();
            var granted = await _client.SubscribeAsync(subscription, cancellationToken);
            foreach (var item in granted.Items.Where(i => i.ResultCode is not (MqttClientSubscribeResultCode.GrantedQoS0 or MqttClientSubscribeResultCode.GrantedQoS1 or MqttClientSubscribeResultCode.GrantedQoS2)))
            {
                // Uplinks still flow; only commands to LoRaWAN lights are lost, so say so loudly.
                _logger.NetworkServerSubscribeRefused(item.TopicFilter.Topic, item.ResultCode.ToString());
            }

            // Logged once subscribed: from now on the platform's downlinks reach the devices.
            _logger.NetworkServerConnected(_account.Username);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            _logger.NetworkServerConnectFailed(_account.Username, ex.Message);
            return false;
        }
    }

    /// <summary>Reads the downlink and hands it to its device's inbox; the device's loop applies it.</summary>
    private async Task OnMessageReceivedAsync(MqttApplicationMessageReceivedEventArgs args)
    {
        var topic = args.ApplicationMessage.Topic;
        try
        {
            var sequence = args.ApplicationMessage.Payload;
            var payload = sequence.IsSingleSegment ? sequence.First : sequence.ToArray();
            var levels = topic.Split('/');
            if (levels is ["application", _, "device", var devEui, "command", "down"])
            {
                if (!_chirpStackDevices.TryGetValue(devEui, out var link))
                {
                    _logger.DownlinkForUnknownDevice(topic);
                    return;
                }

                var downlink = ChirpStackJson.ReadDownlink(payload.Span, devEui, out var problem);
                await HandOverAsync(link, topic, downlink, problem);
            }
            else if (levels is ["v3", var application, "devices", var deviceId, "down", "push"])
            {
                if (!_ttsDevices.TryGetValue(TtsKey(application, deviceId), out var link))
                {
                    _logger.DownlinkForUnknownDevice(topic);
                    return;
                }

                var downlinks = TtsJson.ReadDownlinks(payload.Span, out var problem);
                if (downlinks.Count == 0)
                {
                    await HandOverAsync(link, topic, null, problem);
                }

                foreach (var downlink in downlinks)
                {
                    await HandOverAsync(link, topic, downlink, null);
                }
            }
        }
        catch (OperationCanceledException) when (_closing.IsCancellationRequested)
        {
            // Stopping: the devices act on no more downlinks.
        }
        catch (Exception ex)
        {
            _logger.DownlinkHandlerFailed(ex, topic);
        }
    }

    private async Task HandOverAsync(LoRaWanDeviceLink link, string topic, Downlink? downlink, string? problem)
    {
        if (downlink is not null)
        {
            problem = await link.ReceiveDownlinkAsync(downlink, _closing.Token);
        }

        _metrics.DownlinkReceived(malformed: problem is not null);
        if (problem is not null)
        {
            _logger.DownlinkMalformed(topic, problem);
        }
    }

    private Task OnDisconnectedAsync(MqttClientDisconnectedEventArgs args)
    {
        if (args.ClientWasConnected && !_stopping)
        {
            _logger.NetworkServerConnectionLost(args.Reason.ToString());
        }

        return Task.CompletedTask;
    }
}
