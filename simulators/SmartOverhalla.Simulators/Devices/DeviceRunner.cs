using System.Threading.Channels;
using SmartOverhalla.Contracts.Messages;
using SmartOverhalla.Contracts.Topics;
using SmartOverhalla.Simulators.Devices.Commands;
using SmartOverhalla.Simulators.Hosting;
using SmartOverhalla.Simulators.LoRaWan;
using SmartOverhalla.Simulators.Models;

namespace SmartOverhalla.Simulators.Devices;

/// <summary>
/// Runs one simulated device: one loop owns its <see cref="DeviceConnection"/> and, in turn, sends
/// the acks and events that are due, handles the commands received, and publishes telemetry with
/// QoS 1 on its schedule; it reconnects when the connection is lost, and on a clean stop the
/// device announces offline and disconnects. A timer (on the device's <see cref="TimeProvider"/>),
/// the disconnect event and incoming commands only wake the loop.
/// </summary>
internal sealed class DeviceRunner : IAsyncDisposable
{
    private readonly SimulatedDevice _device;
    private readonly DeviceRunnerContext _context;
    private readonly IDeviceLink _connection;
    private readonly CommandInbox? _commands;
    private readonly IEventSource? _events;
    private readonly DeviceOutbox _outbox = new();

    // Capacity one and drop-on-full: a wake-up is a hint to look again, never counted.
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly ITimer _wakeTimer;

    public DeviceRunner(SimulatedDevice device, DeviceRunnerContext context)
    {
        ArgumentNullException.ThrowIfNull(device);
        ArgumentNullException.ThrowIfNull(context);
        _device = device;
        _context = context;
        _events = device.Model as IEventSource;
        if (device.Commands is { } target)
        {
            _commands = new CommandInbox(device.DeviceId, target, device.Acks, context.Logger, context.Metrics);
        }

        _wakeTimer = context.Time.CreateTimer(static state => ((Channel<bool>)state!).Writer.TryWrite(true), _wake, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        Action wake = () => _wake.Writer.TryWrite(true);

        // A LoRaWAN device never logs in: the network server's integration speaks for it.
        _connection = device.LoRaWan is { } identity && context.NetworkServer is { } networkServer
            ? new LoRaWanDeviceLink(device, identity, networkServer, context, _commands, wake, context.LoRaWanDuplicateProbability)
            : new DeviceConnection(device, context, _commands, wake);
    }

    public string DeviceId => _device.DeviceId;

    /// <summary>Telemetry messages the broker acknowledged.</summary>
    public int Published { get; private set; }

    /// <summary>Runs until the message limit is reached or <paramref name="stoppingToken"/> fires, then stops cleanly. Never throws.</summary>
    public async Task RunAsync(CancellationToken stoppingToken)
    {
        try
        {
            await RunDeviceAsync(stoppingToken);
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

        _wakeTimer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        await _connection.StopCleanlyAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _wakeTimer.DisposeAsync();
        await _connection.DisposeAsync();
    }

    /// <summary>The next due time on the device's phase; ticks missed while disconnected are skipped.</summary>
    internal static DateTimeOffset NextDue(DateTimeOffset due, DateTimeOffset now, TimeSpan interval)
    {
        var next = due + interval;
        return next > now ? next : next + (interval * (Math.Floor((now - next) / interval) + 1));
    }

    private async Task RunDeviceAsync(CancellationToken cancellationToken)
    {
        var nextDue = _context.Time.GetUtcNow() + _device.PhaseOffset;
        IDeviceMessage? pending = null;
        while (_context.MessageLimit is not { } limit || Published < limit)
        {
            if (!await _connection.EnsureConnectedAsync(cancellationToken))
            {
                await WaitAsync(_context.Mqtt.ReconnectDelay, cancellationToken);
                continue;
            }

            // What was due goes out before new commands are handled, so nothing handled now can overtake it.
            var now = _context.Time.GetUtcNow();
            if (!await SendDueAsync(now, cancellationToken))
            {
                await WaitAsync(_context.Mqtt.ReconnectDelay, cancellationToken);
                continue;
            }

            if (_commands?.HandleReceived(now, _outbox) > 0 && _device.ReportAfterCommand is { } soon && now + soon < nextDue)
            {
                // The next reading (with the level just applied) comes soon, and the schedule carries on from it.
                nextDue = now + soon;
            }

            if (_outbox.TryPeekDue(now, out _))
            {
                // Acks of the commands just handled leave before the next reading.
                continue;
            }

            if (pending is null)
            {
                if (now < nextDue)
                {
                    await WaitAsync(Earliest(nextDue, _outbox.NextDue) - now, cancellationToken);
                    continue;
                }

                // The reading is taken once; if sending fails it is sent again after reconnecting,
                // with its original time, as a device's buffer would. Events it raised follow it.
                pending = _device.Model.Next();
                nextDue = NextDue(nextDue, now, _device.Interval);
                if (_device.Model is ITriggeredReadings { UntilTriggeredReading: { } change } && change > TimeSpan.Zero && now + change < nextDue)
                {
                    // A change before the next reading is due gets a reading of its own; the schedule carries on from it.
                    nextDue = now + change;
                }
                foreach (var raised in _events?.TakeEvents() ?? [])
                {
                    _outbox.Add(now, MessageType.Event, raised);
                }

                if (_device.Model is IBufferedReadings { HeldUntil: { } until } && until > now)
                {
                    // The device's link is down: the reading waits in its buffer and leaves, with its original ts, when
                    // the link is back (from the outbox, after the readings buffered before it).
                    _outbox.Add(until, MessageType.Telemetry, pending);
                    Published++;
                    pending = null;
                    continue;
                }

                if (_device.Radio is { } radio && HandOverToRadio(radio, pending, now))
                {
                    // Held back: it leaves later, from the outbox, with its original ts.
                    Published++;
                    pending = null;
                    continue;
                }
            }

            switch (await _connection.PublishAsync(MessageType.Telemetry, pending, retain: false, cancellationToken))
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

        // The last reading's events (a fault noticed at the very end) still go out before the device stops, and so do
        // readings the radio still holds back.
        await SendDueAsync(_context.Time.GetUtcNow(), cancellationToken);
        foreach (var held in _outbox.TakeAll(MessageType.Telemetry))
        {
            await _connection.PublishAsync(MessageType.Telemetry, held.Message, retain: false, cancellationToken);
        }
    }

    /// <summary>
    /// Lets the radio decide about a reading just taken: a duplicate is queued to follow it (at once, or with it when
    /// late); a late reading is queued for later. True when the reading is held back (not to be sent now).
    /// </summary>
    private bool HandOverToRadio(RadioDelivery radio, IDeviceMessage reading, DateTimeOffset now)
    {
        var (late, duplicate) = radio.Next();
        var due = late ? now + radio.LateDelay : now;
        if (late)
        {
            _outbox.Add(due, MessageType.Telemetry, reading);
        }

        if (duplicate)
        {
            _outbox.Add(due, MessageType.Telemetry, reading);
        }

        return late;
    }

    /// <summary>Publishes the acks and events due at <paramref name="now"/>; false when the connection failed on the way.</summary>
    private async Task<bool> SendDueAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        while (_outbox.TryPeekDue(now, out var entry))
        {
            if (await _connection.PublishAsync(entry.Type, entry.Message, retain: false, cancellationToken) == PublishOutcome.Failed)
            {
                return false;
            }

            // Acknowledged, or refused by the broker (dropped, as telemetry is).
            _outbox.RemoveFirst();
        }

        return true;
    }

    private static DateTimeOffset Earliest(DateTimeOffset a, DateTimeOffset? b) => b is { } other && other < a ? other : a;

    private async Task WaitAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        if (delay <= TimeSpan.Zero)
        {
            return;
        }

        _wakeTimer.Change(delay, Timeout.InfiniteTimeSpan);
        await _wake.Reader.ReadAsync(cancellationToken);
    }
}
