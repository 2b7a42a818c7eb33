using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using SmartOverhalla.Contracts.Messages;
using SmartOverhalla.Contracts.Topics;
using SmartOverhalla.Simulators.Hosting;
using SmartOverhalla.Simulators.Models;

namespace SmartOverhalla.Simulators.Devices.Commands;

/// <summary>
/// The command side of one device. The MQTT receive handler only reads each payload and hands it in;
/// the device's loop then handles them in arrival order: applies each new command once, rejects what
/// cannot be applied, answers a repeated cmdId with its first answer (idempotent), and puts each ack
/// in the outbox at the time the device's <see cref="AckPolicy"/> says.
/// </summary>
internal sealed class CommandInbox
{
    /// <summary>
    /// Commands waiting for the loop. Bounded, so a flood of commands slows the broker's delivery to this
    /// device (the handler waits) instead of filling memory.
    /// </summary>
    public const int Capacity = 32;

    private readonly Channel<CommandReading> _received = Channel.CreateBounded<CommandReading>(
        new BoundedChannelOptions(Capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    private readonly RecentCommands _recent = new();
    private readonly string _deviceId;
    private readonly ICommandTarget _target;
    private readonly AckPolicy _acks;
    private readonly ILogger _logger;
    private readonly SimulatorMetrics _metrics;

    public CommandInbox(string deviceId, ICommandTarget target, AckPolicy acks, ILogger logger, SimulatorMetrics metrics)
    {
        ArgumentException.ThrowIfNullOrEmpty(deviceId);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(acks);
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentNullException.ThrowIfNull(metrics);
        (_deviceId, _target, _acks, _logger, _metrics) = (deviceId, target, acks, logger, metrics);
    }

    /// <summary>Commands received and not yet handled.</summary>
    public int Pending => _received.Reader.Count;

    /// <summary>
    /// Reads one payload of the device's <c>cmd</c> topic (called by the receive handler). A payload
    /// without a readable cmdId cannot be answered: it is logged and dropped here.
    /// </summary>
    public ValueTask ReceiveAsync(ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
    {
        var reading = CommandReader.Read(payload);
        if (reading.CmdId is null)
        {
            _metrics.CommandHandled(CommandOutcomes.Dropped);
            _logger.CommandDropped(_deviceId, reading.Problem ?? "unreadable");
            return ValueTask.CompletedTask;
        }

        return _received.Writer.WriteAsync(reading, cancellationToken);
    }

    /// <summary>Takes one command already read elsewhere (a LoRaWAN downlink the network server decoded).</summary>
    public ValueTask ReceiveAsync(CommandReading reading, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reading);
        ArgumentException.ThrowIfNullOrEmpty(reading.CmdId, nameof(reading));
        return _received.Writer.WriteAsync(reading, cancellationToken);
    }

    /// <summary>Handles every command received so far, as at <paramref name="now"/>; acks go to <paramref name="outbox"/>. Returns how many.</summary>
    public int HandleReceived(DateTimeOffset now, DeviceOutbox outbox)
    {
        ArgumentNullException.ThrowIfNull(outbox);
        var handled = 0;
        while (_received.Reader.TryRead(out var reading))
        {
            Handle(reading, now, outbox);
            handled++;
        }

        return handled;
    }

    private void Handle(CommandReading reading, DateTimeOffset now, DeviceOutbox outbox)
    {
        var cmdId = reading.CmdId!;
        if (_recent.TryGet(cmdId, out var earlier))
        {
            // Applied (or refused) once already: the same answer again, the level left alone.
            _metrics.CommandHandled(CommandOutcomes.Duplicate);
            _logger.CommandRepeated(_deviceId, cmdId, earlier.Result.ToString());
            Answer(earlier, now, outbox);
            return;
        }

        var ack = reading.Command is { } command
            ? _target.Apply(command)
            : new CommandAck(_deviceId, now, cmdId, AckResult.Rejected, Reason: reading.Problem);
        _recent.Remember(ack);
        if (ack.Result == AckResult.Applied)
        {
            _metrics.CommandHandled(CommandOutcomes.Applied);
            _logger.CommandApplied(_deviceId, cmdId, ack.AppliedLevel ?? -1);
        }
        else
        {
            _metrics.CommandHandled(CommandOutcomes.Rejected);
            _logger.CommandRejected(_deviceId, cmdId, ack.Reason ?? "no reason");
        }

        Answer(ack, now, outbox);
    }

    private void Answer(CommandAck ack, DateTimeOffset now, DeviceOutbox outbox)
    {
        if (_acks.DueAt(now) is { } due)
        {
            outbox.Add(due, MessageType.Ack, ack);
        }
        else
        {
            _logger.AckWithheld(_deviceId, ack.CmdId);
        }
    }
}
