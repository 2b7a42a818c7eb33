using Microsoft.Extensions.Options;
using Polly;
using SmartOverhalla.Contracts.Messages;
using SmartOverhalla.Gateway.Audit;

namespace SmartOverhalla.Gateway.Lighting;

/// <summary>
/// Sends one command and waits for its ack; when none comes within <see cref="LightingControlOptions.AckTimeout"/>
/// it sends the same command (same cmdId: the device applies it once) again with exponential back-off and jitter
/// (<see cref="CommandRetryPipeline"/>, injected by name), up to <see cref="LightingControlOptions.MaxAttempts"/> attempts. Bounded concurrency keeps a
/// zone-wide step on thousands of lights from flooding the broker. Each command is written to the audit log once
/// (actor <c>lighting-control</c>) before it is first sent; the audit log only buffers it, so this costs no wait.
/// </summary>
internal sealed class CommandDispatcher : IDisposable
{
    private readonly PendingAcks _pending;
    private readonly ICommandChannel _channel;
    private readonly TimeProvider _timeProvider;
    private readonly LightingControlOptions _options;
    private readonly SemaphoreSlim _concurrency;
    private readonly ResiliencePipeline _retry;
    private readonly IAuditLog _audit;

    public CommandDispatcher(
        ICommandChannel channel,
        PendingAcks pending,
        IOptions<LightingControlOptions> options,
        TimeProvider timeProvider,
        IAuditLog audit,
        [FromKeyedServices(CommandRetryPipeline.Key)] ResiliencePipeline retry)
    {
        ArgumentNullException.ThrowIfNull(options);
        _audit = audit;
        _pending = pending;
        _channel = channel;
        _timeProvider = timeProvider;
        _options = options.Value;
        _retry = retry;
        _concurrency = new SemaphoreSlim(_options.MaxConcurrentCommands, _options.MaxConcurrentCommands);
    }

    /// <summary>Commands waiting for their ack now.</summary>
    public int InFlight => _pending.Count;

    public async Task<CommandOutcome> SendAsync(string municipality, string lightId, DeviceCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        await _concurrency.WaitAsync(cancellationToken);
        var waiter = _pending.Register(command.CmdId);
        var attempts = 0;
        try
        {
            await _audit.RecordAsync(AuditEntryOf(municipality, lightId, command), cancellationToken);
            var ack = await _retry.ExecuteAsync(
                async token =>
                {
                    attempts++;
                    await _channel.PublishAsync(municipality, lightId, command, token);
                    return await waiter.WaitAsync(_options.AckTimeout, _timeProvider, token);
                },
                cancellationToken);
            return new CommandOutcome(ack, attempts);
        }
        catch (TimeoutException)
        {
            return new CommandOutcome(null, attempts);
        }
        finally
        {
            _pending.Forget(command.CmdId);
            _concurrency.Release();
        }
    }

    public void Dispose() => _concurrency.Dispose();

    private AuditEntry AuditEntryOf(string municipality, string lightId, DeviceCommand command)
    {
        var details = command is SetDimCommand dim
            ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"cmdId={dim.CmdId} level={dim.Level} reason={dim.Reason}")
            : $"cmdId={command.CmdId}";
        var action = command is SetDimCommand ? AuditActions.CommandSetDim : AuditActions.CommandPrefix + command.GetType().Name;
        return new AuditEntry(AuditActions.LightingControlActor, action, $"{municipality}/{lightId}", details, _timeProvider.GetUtcNow());
    }
}
