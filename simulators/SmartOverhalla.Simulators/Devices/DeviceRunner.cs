using System.Threading.Channels;
using MQTTnet;
using SmartOverhalla.Contracts.Messages;
using SmartOverhalla.Contracts.Topics;
using SmartOverhalla.Simulators.Hosting;

namespace SmartOverhalla.Simulators.Devices;

/// <summary>
/// Runs one simulated device over its own MQTT connection: connects with an offline last will,
/// announces itself online (retained), publishes telemetry with QoS 1 on its schedule, reconnects by
/// itself when the connection is lost, and on a clean stop announces offline and disconnects.
/// One loop owns the connection; the <c>DisconnectedAsync</c> event only wakes it, because
/// reconnecting from inside MQTTnet's event risks deadlocks.
/// </summary>
internal sealed class DeviceRunner : IAsyncDisposable
{
    /// <summary>How long a clean stop may take to announce offline and disconnect.</summary>
    private static readonly TimeSpan CleanStopTimeout = TimeSpan.FromSeconds(5);

    private readonly SimulatedDevice _device;
    private readonly DeviceRunnerContext _context;
    private readonly IMqttClient _client;
    private readonly string _telemetryTopic;
    private readonly string _statusTopic;

    // Wakes the loop: the timer when a wait is over, the disconnect event when the connection is lost.
    // Capacity one and drop-on-full: a wake-up is a hint to look again, never counted.
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly ITimer _wakeTimer;
    private bool _onlineAnnounced;
    private volatile bool _stopping;

    public DeviceRunner(SimulatedDevice device, DeviceRunnerContext context)
    {
        ArgumentNullException.ThrowIfNull(device);
        ArgumentNullException.ThrowIfNull(context);
        _device = device;
        _context = context;
        _telemetryTopic = device.Telemetry.ToString();
        _statusTopic = device.Status.ToString();
        _wakeTimer = context.Time.CreateTimer(static state => ((Channel<bool>)state!).Writer.TryWrite(true), _wake, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _client = context.ClientFactory.CreateMqttClient();
        _client.DisconnectedAsync += OnDisconnectedAsync;
    }

    private enum PublishOutcome
    {
        Acknowledged,
        Refused,
        Failed,
    }

    public string DeviceId => _device.DeviceId;

    /// <summary>Telemetry messages the broker acknowledged.</summary>
    public int Published { get; private set; }

    /// <summary>Runs until the message limit is reached or <paramref name="stoppingToken"/> fires, then stops cleanly. Never throws.</summary>
    public async Task RunAsync(CancellationToken stoppingToken)
    {
        try
        {
            await PublishTelemetryAsync(stoppingToken);
            _context.Logger.DeviceFinished(DeviceId, Published);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: fall through to the clean stop.
        }
        catch (Exception ex)
        {
            // One broken device must not take the fleet down.
            _context.Logger.DeviceCrashed(ex, DeviceId);
        }

        await StopCleanlyAsync();
    }

    public async ValueTask DisposeAsync()
    {
        _client.DisconnectedAsync -= OnDisconnectedAsync;
        await _wakeTimer.DisposeAsync();
        _client.Dispose();
    }

    private async Task PublishTelemetryAsync(CancellationToken cancellationToken)
    {
        var nextDue = _context.Time.GetUtcNow() + _device.PhaseOffset;
        IDeviceMessage? pending = null;
        while (_context.MessageLimit is not { } limit || Published < limit)
        {
            if (!await EnsureConnectedAsync(cancellationToken))
            {
                await WaitAsync(_context.Mqtt.ReconnectDelay, cancellationToken);
                continue;
            }

            var now = _context.Time.GetUtcNow();
            if (pending is null)
            {
                if (now < nextDue)
                {
                    await WaitAsync(nextDue - now, cancellationToken);
                    continue;
                }

                // The reading is taken once; if sending fails it is sent again after reconnecting,
                // with its original time, as a device's buffer would.
                pending = _device.Model.Next();
                nextDue = NextDue(nextDue, now, _device.Interval);
            }

            switch (await PublishAsync(_device.Telemetry, pending, retain: false, cancellationToken))
            {
                case PublishOutcome.Acknowledged:
                    Published++;
                    pending = null;
                    break;
                case PublishOutcome.Refused:
                    pending = null;
                    break;
                default:
                    await WaitAsync(_context.Mqtt.ReconnectDelay, cancellationToken);
                    break;
            }
        }
    }

    /// <summary>The next due time on the device's phase; ticks missed while disconnected are skipped.</summary>
    internal static DateTimeOffset NextDue(DateTimeOffset due, DateTimeOffset now, TimeSpan interval)
    {
        var next = due + interval;
        return next > now ? next : next + (interval * (Math.Floor((now - next) / interval) + 1));
    }

    private async Task<bool> EnsureConnectedAsync(CancellationToken cancellationToken)
    {
        if (!_client.IsConnected)
        {
            _onlineAnnounced = false;
            if (!await TryConnectAsync(cancellationToken))
            {
                return false;
            }
        }

        if (!_onlineAnnounced)
        {
            var online = new DeviceStatus(DeviceId, _context.Time.GetUtcNow(), DeviceState.Online);
            if (await PublishAsync(_device.Status, online, retain: true, cancellationToken) == PublishOutcome.Failed)
            {
                return false;
            }

            _onlineAnnounced = true;
        }

        return true;
    }

    private async Task<bool> TryConnectAsync(CancellationToken cancellationToken)
    {
        await _context.ConnectGate.WaitAsync(cancellationToken);
        try
        {
            var options = DeviceMqttMessages.ClientOptions(_context.Mqtt, DeviceId, _statusTopic, _context.Time.GetUtcNow());
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

    private async Task<PublishOutcome> PublishAsync(DeviceTopic topic, IDeviceMessage message, bool retain, CancellationToken cancellationToken)
    {
        var topicName = topic.Message == MessageType.Telemetry ? _telemetryTopic : _statusTopic;
        var mqttMessage = DeviceMqttMessages.Message(topicName, message, retain);

        MqttClientPublishResult result;
        try
        {
            result = await _client.PublishAsync(mqttMessage, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            _context.Metrics.PublishFailed(topic.Kind, topic.Message);
            _context.Logger.PublishFailed(DeviceId, topicName, ex.Message);
            return PublishOutcome.Failed;
        }

        // MQTT 5 brokers (Mosquitto among them) answer "no matching subscribers" when nobody listens
        // yet: the message was still accepted.
        if (result.ReasonCode is not (MqttClientPublishReasonCode.Success or MqttClientPublishReasonCode.NoMatchingSubscribers))
        {
            _context.Metrics.PublishFailed(topic.Kind, topic.Message);
            _context.Logger.PublishRefused(DeviceId, topicName, result.ReasonCode.ToString());
            return PublishOutcome.Refused;
        }

        _context.Metrics.Published(topic.Kind, topic.Message);
        NotifyObservers(topic, message);
        return PublishOutcome.Acknowledged;
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

    private async Task WaitAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        _wakeTimer.Change(delay, Timeout.InfiniteTimeSpan);
        await _wake.Reader.ReadAsync(cancellationToken);
    }

    private async Task StopCleanlyAsync()
    {
        _stopping = true;
        _wakeTimer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        if (!_client.IsConnected)
        {
            return;
        }

        using var timeout = new CancellationTokenSource(CleanStopTimeout, _context.Time);
        try
        {
            var offline = new DeviceStatus(DeviceId, _context.Time.GetUtcNow(), DeviceState.Offline);
            await PublishAsync(_device.Status, offline, retain: true, timeout.Token);
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

        _wake.Writer.TryWrite(true);
        return Task.CompletedTask;
    }
}
