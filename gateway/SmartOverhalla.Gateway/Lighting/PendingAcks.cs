using System.Collections.Concurrent;
using SmartOverhalla.Contracts.Messages;

namespace SmartOverhalla.Gateway.Lighting;

/// <summary>Commands waiting for their ack, by cmdId: where the receive path hands an ack to its sender.</summary>
internal sealed class PendingAcks
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource<CommandAck>> _waiting = new(StringComparer.Ordinal);

    public int Count => _waiting.Count;

    public Task<CommandAck> Register(string cmdId) =>
        _waiting.GetOrAdd(cmdId, static _ => new TaskCompletionSource<CommandAck>(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    public void Forget(string cmdId) => _waiting.TryRemove(cmdId, out _);

    /// <summary>True when a sender was waiting for this ack; false for a late ack or one from before a restart.</summary>
    public bool TryComplete(CommandAck ack)
    {
        ArgumentNullException.ThrowIfNull(ack);
        return _waiting.TryGetValue(ack.CmdId, out var waiter) && waiter.TrySetResult(ack);
    }
}
