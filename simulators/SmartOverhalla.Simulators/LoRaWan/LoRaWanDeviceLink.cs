using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using SmartOverhalla.Contracts.Messages;
using SmartOverhalla.Contracts.Topics;
using SmartOverhalla.Simulators.Devices;
using SmartOverhalla.Simulators.Devices.Commands;
using SmartOverhalla.Simulators.Hosting;

namespace SmartOverhalla.Simulators.LoRaWan;

/// <summary>
/// A device that reaches the platform through a LoRaWAN network server: it never logs in itself. Each telemetry
/// reading leaves as the integration's uplink (ChirpStack <c>event/up</c> or TTS <c>up</c>) on the shared
/// <see cref="NetworkServerConnection"/>; a reading sent again (the radio's duplicate) is the same JSON with the same
/// fCnt; statuses and events have no LoRaWAN counterpart and are not sent. A dim-level-v1 downlink becomes a
/// <c>setDim</c> for the device's command handling, and the ack of a confirmed one is answered as the network server
/// does (ChirpStack <c>event/ack</c> with the queue item id, TTS <c>down/ack</c> with the pushed correlation ids).
/// </summary>
internal sealed class LoRaWanDeviceLink : IDeviceLink
{
    private readonly SimulatedDevice _device;
    private readonly NetworkServerConnection _networkServer;
    private readonly DeviceRunnerContext _context;
    private readonly CommandInbox? _commands;
    private readonly Action _wake;
    private readonly UplinkRadio _radio;
    private readonly Random _duplicates;
    private readonly double _duplicateProbability;

    // The JSON of each reading, made once: a reading delivered again goes out byte for byte as the first time.
    private readonly ConditionalWeakTable<IDeviceMessage, byte[]> _uplinks = [];
    private readonly ConcurrentDictionary<string, Downlink> _awaitingAck = new(StringComparer.Ordinal);

    /// <param name="commands">The device's command handling; null for a device that takes no downlinks.</param>
    /// <param name="wake">Wakes the device's loop when a downlink came in.</param>
    public LoRaWanDeviceLink(
        SimulatedDevice device, LoRaWanIdentity identity, NetworkServerConnection networkServer, DeviceRunnerContext context, CommandInbox? commands, Action wake, double duplicateProbability)
    {
        ArgumentNullException.ThrowIfNull(device);
        ArgumentNullException.ThrowIfNull(identity);
        ArgumentNullException.ThrowIfNull(networkServer);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(wake);
        (_device, Identity, _networkServer, _context, _commands, _wake) = (device, identity, networkServer, context, commands, wake);
        // Seeded from the DevEUI, itself derived from the device: the same device has the same radio in every run.
        var seed = BinaryPrimitives.ReadInt32BigEndian(Convert.FromHexString(identity.DevEui).AsSpan(4));
        _radio = new UplinkRadio(identity, seed);
        _duplicates = new Random(seed ^ 0x0D0B1E);
        _duplicateProbability = duplicateProbability;
        networkServer.Register(this);
    }

    public LoRaWanIdentity Identity { get; }

    public Task<bool> EnsureConnectedAsync(CancellationToken cancellationToken) => _networkServer.EnsureConnectedAsync(cancellationToken);

    public async Task<PublishOutcome> PublishAsync(MessageType type, IDeviceMessage message, bool retain, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        switch (type)
        {
            case MessageType.Telemetry when UplinkPayload.From(message) is { } payload:
                var json = _uplinks.GetValue(message, _ => Uplink(payload, message.Ts));
                var outcome = await SendAsync(type, Identity.UplinkTopic, json, cancellationToken);
                if (outcome == PublishOutcome.Acknowledged)
                {
                    NotifyObservers(message);
                    if (_duplicateProbability > 0 && _duplicates.NextDouble() < _duplicateProbability)
                    {
                        // A redelivering integration: the same event again (best effort, the first one arrived).
                        await SendAsync(type, Identity.UplinkTopic, json, cancellationToken);
                    }
                }

                return outcome;
            case MessageType.Ack when message is CommandAck ack:
                return await AnswerDownlinkAsync(ack, cancellationToken);
            default:
                // Statuses and events: a LoRaWAN device has no such topic; the network server reports nothing of it.
                return PublishOutcome.Acknowledged;
        }
    }

    /// <summary>The network server publishes nothing when a device stops: LoRaWAN has no session to close.</summary>
    public Task StopCleanlyAsync() => Task.CompletedTask;

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    /// <summary>
    /// Takes a downlink for this device (called by the network server's receive handler): a dim-level-v1 payload on
    /// the profile's command fPort goes to the device's command handling. Returns why it was refused, or null.
    /// </summary>
    public async Task<string?> ReceiveDownlinkAsync(Downlink downlink, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(downlink);
        if (_commands is null || Identity.Profile.CommandPort is not { } port)
        {
            return "the device takes no downlinks";
        }

        if (downlink.FPort != port)
        {
            return string.Create(CultureInfo.InvariantCulture, $"fPort {downlink.FPort} is not the dim-level-v1 port {port}");
        }

        // dim-level-v1 (lorawan.md): one byte, the level 0-100.
        if (downlink.FrmPayload is not [var level] || level > 100)
        {
            return string.Create(CultureInfo.InvariantCulture, $"dim-level-v1 takes one byte 0-100, got {downlink.FrmPayload.Length} bytes");
        }

        _awaitingAck[downlink.CommandId] = downlink;
        _context.Logger.DownlinkReceived(_device.DeviceId, downlink.CommandId, downlink.Confirmed, level);
        var command = new SetDimCommand(downlink.CommandId, _context.Time.GetUtcNow(), level, "lorawan downlink");
        await _commands.ReceiveAsync(CommandReading.Valid(command), cancellationToken);
        _wake();
        return null;
    }

    private byte[] Uplink(UplinkPayload payload, DateTimeOffset readingTime)
    {
        var frame = _radio.Next(payload, readingTime);
        return Identity.Network == LoRaWanNetwork.ChirpStack
            ? ChirpStackJson.Uplink(frame)
            : TtsJson.Uplink(frame, "gs:uplink:" + _radio.Ulid(frame.ReceivedAt));
    }

    /// <summary>The device acknowledged a confirmed downlink (the device's ack policy decides when, or whether).</summary>
    private async Task<PublishOutcome> AnswerDownlinkAsync(CommandAck ack, CancellationToken cancellationToken)
    {
        if (!_awaitingAck.TryRemove(ack.CmdId, out var downlink) || !downlink.Confirmed)
        {
            return PublishOutcome.Acknowledged;
        }

        var now = _context.Time.GetUtcNow();
        var fCntDown = _radio.TakeFCntDown();
        var json = Identity.Network == LoRaWanNetwork.ChirpStack
            ? ChirpStackJson.Ack(Identity, NameBasedUuid.Of(downlink.CommandId + "/ack/" + fCntDown.ToString(CultureInfo.InvariantCulture)), now, downlink.QueueItemId!, fCntDown)
            : TtsJson.DownlinkAck(Identity, _radio.DevAddr, _radio.SessionKeyId, downlink, fCntDown, now, "as:downlink:" + _radio.Ulid(now));
        return await SendAsync(MessageType.Ack, Identity.DownlinkAckTopic, json, cancellationToken);
    }

    private async Task<PublishOutcome> SendAsync(MessageType type, string topic, byte[] json, CancellationToken cancellationToken)
    {
        var (outcome, reason) = await _networkServer.PublishAsync(topic, json, cancellationToken);
        switch (outcome)
        {
            case PublishOutcome.Acknowledged:
                _context.Metrics.Published(_device.Kind, type);
                break;
            case PublishOutcome.Refused:
                _context.Metrics.PublishFailed(_device.Kind, type);
                _context.Logger.PublishRefused(_device.DeviceId, topic, reason ?? "refused");
                break;
            default:
                _context.Metrics.PublishFailed(_device.Kind, type);
                _context.Logger.PublishFailed(_device.DeviceId, topic, reason ?? "failed");
                break;
        }

        return outcome;
    }

    private void NotifyObservers(IDeviceMessage message)
    {
        foreach (var observer in _context.Observers)
        {
            try
            {
                observer.OnPublished(_device.Telemetry, message);
            }
            catch (Exception ex)
            {
                _context.Logger.ObserverFailed(ex, _device.DeviceId);
            }
        }
    }
}
