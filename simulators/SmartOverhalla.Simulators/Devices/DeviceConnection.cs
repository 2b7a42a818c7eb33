using System.Buffers;
using MQTTnet;
using MQTTnet.Protocol;
using SmartOverhalla.Contracts.Messages;
using SmartOverhalla.Contracts.Topics;
using SmartOverhalla.Mqtt;
using SmartOverhalla.Simulators.Devices.Commands;
using SmartOverhalla.Simulators.Hosting;

namespace SmartOverhalla.Simulators.Devices;

/// <summary>
/// One device's MQTT connection: connects with an offline last will, subscribes to the device's own
/// <c>cmd</c> topic (devices that take commands) before it announces itself online, publishes with
/// QoS 1 and tells the observers, and on a clean stop announces offline and disconnects. It never
/// reconnects by itself: the <see cref="DeviceRunner"/>'s loop does, because reconnecting from inside
/// MQTTnet's <c>DisconnectedAsync</c> event risks deadlocks; the event and received commands only wake it.
/// </summary>
internal sealed class DeviceConnection : IDeviceLink
{
    /// <summary>How long a clean stop may take to announce offline and disconnect.</summary>
    private static readonly TimeSpan CleanStopTimeout = TimeSpan.FromSeconds(5);

    private readonly SimulatedDevice _device;
    private readonly DeviceRunnerContext _context;
    private readonly CommandInbox? _commands;
    private readonly Action _wake;
    private readonly IMqttClient _client;
    private readonly string[] _topicNames;
    private readonly CancellationTokenSource _closing = new();
    private bool _subscribed;
    private bool _onlineAnnounced;
    private volatile bool _stopping;

    /// <param name="commands">Where received commands go; null for a device that takes none (it does not subscribe).</param>
    /// <param name="wake">Wakes the device's loop: the connection was lost, or a command came in.</param>
    public DeviceConnection(SimulatedDevice device, DeviceRunnerContext context, CommandInbox? commands, Action wake)
    {
        ArgumentNullException.ThrowIfNull(device);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(wake);
        (_device, _context, _commands, _wake) = (device, context, commands, wake);

        // Indexed by MessageType: the topic strings are built once, not per message.
        _topicNames = [.. Enum.GetValues<MessageType>().Select(type => device.Telemetry.With(type).ToString())];
        _client = context.ClientFactory.CreateMqttClient();
        _client.DisconnectedAsync += OnDisconnectedAsync;
        if (commands is not null)
        {
            _client.ApplicationMessageReceivedAsync += OnMessageReceivedAsync;
        }
    }

    private string DeviceId => _device.DeviceId;

    /// <summary>Connects, subscribes and announces online as far as not yet done on this connection; false when that failed.</summary>
    public async Task<bool> EnsureConnectedAsync(CancellationToken cancellationToken)
    {
        if (!_client.IsConnected)
        {
            // Clean start: a new connection has neither the subscription nor the announcement.
            (_subscribed, _onlineAnnounced) = (false, false);
            if (!await TryConnectAsync(cancellationToken))
            {
                return false;
            }
        }

        // Subscribed before online, so a platform that sees the device online can command it.
        if (_commands is not null && !_subscribed)
        {
            if (!await TrySubscribeAsync(cancellationToken))
            {
                return false;
            }

            _subscribed = true;
        }

        if (!_onlineAnnounced)
        {
            var online = new DeviceStatus(DeviceId, _context.Time.GetUtcNow(), DeviceState.Online);
            if (await PublishAsync(MessageType.Status, online, retain: true, cancellationToken) == PublishOutcome.Failed)
            {
                return false;
            }

            _onlineAnnounced = true;
        }

        return true;
    }

    /// <summary>Publishes <paramref name="message"/> with QoS 1 on the device's topic of <paramref name="type"/>.</summary>
    public async Task<PublishOutcome> PublishAsync(MessageType type, IDeviceMessage message, bool retain, CancellationToken cancellationToken)
    {
        var topicName = _topicNames[(int)type];
        var mqttMessage = DeviceMqttMessages.Message(topicName, message, retain);

        MqttClientPublishResult result;
        try
        {
            result = await _client.PublishAsync(mqttMessage, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            _context.Metrics.PublishFailed(_device.Kind, type);
            _context.Logger.PublishFailed(DeviceId, topicName, ex.Message);
            return PublishOutcome.Failed;
        }

        // MQTT 5 brokers (Mosquitto among them) answer "no matching subscribers" when nobody listens
        // yet: the message was still accepted.
        if (result.ReasonCode is not (MqttClientPublishReasonCode.Success or MqttClientPublishReasonCode.NoMatchingSubscribers))
        {
            _context.Metrics.PublishFailed(_device.Kind, type);
            _context.Logger.PublishRefused(DeviceId, topicName, result.ReasonCode.ToString());
            return PublishOutcome.Refused;
        }

        _context.Metrics.Published(_device.Kind, type);
        NotifyObservers(_device.Telemetry.With(type), message);
        return PublishOutcome.Acknowledged;
    }

    /// <summary>Announces offline (retained) and disconnects normally, within a few seconds; never throws.</summary>
    public async Task StopCleanlyAsync()
    {
        _stopping = true;
        await _closing.CancelAsync();
        if (!_client.IsConnected)
        {
            return;
        }

        using var timeout = new CancellationTokenSource(CleanStopTimeout, _context.Time);
        try
        {
            var offline = new DeviceStatus(DeviceId, _context.Time.GetUtcNow(), DeviceState.Offline);
            await PublishAsync(MessageType.Status, offline, retain: true, timeout.Token);
            var disconnect = new MqttClientDisconnectOptionsBuilder()
                .WithReason(MqttClientDisconnectOptionsReason.NormalDisconnection)
                .Build();
            await _client.DisconnectAsync(disconnect, timeout.Token);
        }
        catch (Exception ex)
        {
            _context.Logger.CleanStopFailed(DeviceId, ex.Message);
        }
    }

    public ValueTask DisposeAsync()
    {
        _client.DisconnectedAsync -= OnDisconnectedAsync;
        _client.ApplicationMessageReceivedAsync -= OnMessageReceivedAsync;
        _client.Dispose();
        _closing.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task<bool> TryConnectAsync(CancellationToken cancellationToken)
    {
        await _context.ConnectGate.WaitAsync(cancellationToken);
        try
        {
            var options = DeviceMqttMessages.ClientOptions(_context.Mqtt, DeviceId, _topicNames[(int)MessageType.Status], _context.Time.GetUtcNow(), Credentials());
            var result = await _client.ConnectAsync(options, cancellationToken);
            if (result.ResultCode != MqttClientConnectResultCode.Success)
            {
                _context.Metrics.ConnectFailed(_device.Kind);
                _context.Logger.ConnectFailed(DeviceId, result.ResultCode.ToString());
                return false;
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            _context.Metrics.ConnectFailed(_device.Kind);
            _context.Logger.ConnectFailed(DeviceId, ex.Message);
            return false;
        }
        finally
        {
            _context.ConnectGate.Release();
        }

        _context.Metrics.DeviceConnected(_device.Kind);
        _context.Logger.DeviceConnected(DeviceId);
        return true;
    }

    /// <summary>The device's own login from the fleet key, or null to use the connection's (<c>Mqtt:Username</c>).</summary>
    private (string Username, string Password)? Credentials()
    {
        if (string.IsNullOrEmpty(_context.FleetKey))
        {
            return null;
        }

        var username = FleetCredentials.Username(_device.Telemetry.Municipality, TopicNames.Of(_device.Kind), DeviceId);
        return (username, FleetCredentials.Password(_context.FleetKey, username));
    }

    private async Task<bool> TrySubscribeAsync(CancellationToken cancellationToken)
    {
        var topicName = _topicNames[(int)MessageType.Cmd];
        try
        {
            var result = await _client.SubscribeAsync(DeviceMqttMessages.CommandSubscription(topicName), cancellationToken);
            var code = result.Items.Select(item => item.ResultCode).DefaultIfEmpty(MqttClientSubscribeResultCode.UnspecifiedError).First();
            if (code is MqttClientSubscribeResultCode.GrantedQoS0 or MqttClientSubscribeResultCode.GrantedQoS1 or MqttClientSubscribeResultCode.GrantedQoS2)
            {
                return true;
            }

            // Refused (an ACL that forgets the device's own cmd topic): loud, since the light cannot be commanded.
            _context.Logger.SubscribeRefused(DeviceId, topicName, code.ToString());
            return false;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            _context.Logger.SubscribeFailed(DeviceId, topicName, ex.Message);
            return false;
        }
    }

    private void NotifyObservers(DeviceTopic topic, IDeviceMessage message)
    {
        foreach (var observer in _context.Observers)
        {
            try
            {
                observer.OnPublished(topic, message);
            }
            catch (Exception ex)
            {
                _context.Logger.ObserverFailed(ex, DeviceId);
            }
        }
    }

    /// <summary>Only reads the command and hands it to the inbox; the device's loop applies it (MQTTnet acks the delivery once this returns).</summary>
    private async Task OnMessageReceivedAsync(MqttApplicationMessageReceivedEventArgs args)
    {
        var message = args.ApplicationMessage;
        if (_commands is null || message.Topic != _topicNames[(int)MessageType.Cmd])
        {
            return;
        }

        try
        {
            var payload = message.Payload;
            await _commands.ReceiveAsync(payload.IsSingleSegment ? payload.First : payload.ToArray(), _closing.Token);
            _wake();
        }
        catch (OperationCanceledException) when (_closing.IsCancellationRequested)
        {
            // Stopping: a light being switched off does not act on a last command.
        }
        catch (Exception ex)
        {
            _context.Logger.CommandHandlerFailed(ex, DeviceId);
        }
    }

    private Task OnDisconnectedAsync(MqttClientDisconnectedEventArgs args)
    {
        if (args.ClientWasConnected)
        {
            _context.Metrics.DeviceDisconnected();
            if (!_stopping)
            {
                _context.Logger.ConnectionLost(DeviceId, args.Reason.ToString());
            }
        }

        _wake();
        return Task.CompletedTask;
    }
}
