using System.Diagnostics.CodeAnalysis;
using SmartOverhalla.LoRaWan.Downlinks;

namespace SmartOverhalla.Gateway.LoRaWan;

/// <summary>
/// Downlinks sent and not yet acknowledged (an acknowledged one is forgotten), by command id and by ChirpStack queue item id (which
/// <see cref="CommandCorrelation.QueueItemId"/> derives from the command id). Bounded: the oldest are forgotten first,
/// and an acknowledgement after that is only logged; the command's own retries and time-out still apply.
/// </summary>
internal sealed class SentDownlinks
{
    public const int Capacity = 50_000;

    private readonly Dictionary<string, SentDownlink> _byCmdId = new(StringComparer.Ordinal);
    private readonly Dictionary<Guid, string> _byQueueItem = [];
    private readonly Queue<string> _order = new();
    private readonly Lock _lock = new();

    public void Add(SentDownlink sent)
    {
        ArgumentNullException.ThrowIfNull(sent);
        lock (_lock)
        {
            if (_byCmdId.TryAdd(sent.CmdId, sent))
            {
                _byQueueItem[CommandCorrelation.QueueItemId(sent.CmdId)] = sent.CmdId;
                _order.Enqueue(sent.CmdId);
            }

            // Acknowledged ones leave stale ids in the queue; they are dropped as the queue is trimmed.
            while ((_byCmdId.Count > Capacity || _order.Count > 2 * Capacity) && _order.TryDequeue(out var oldest))
            {
                if (_byCmdId.Remove(oldest))
                {
                    _byQueueItem.Remove(CommandCorrelation.QueueItemId(oldest));
                }
            }
        }
    }

    /// <summary>Whether the downlink of <paramref name="cmdId"/> was sent and is not yet acknowledged.</summary>
    public bool Contains(string cmdId)
    {
        lock (_lock)
        {
            return _byCmdId.ContainsKey(cmdId);
        }
    }

    /// <summary>Forgets an acknowledged downlink: a repeated or late acknowledgement of it is then ignored instead of setting an older level again.</summary>
    public void Forget(string cmdId)
    {
        lock (_lock)
        {
            // The queue keeps the id until capacity pushes it out; TryFind no longer finds it.
            if (_byCmdId.Remove(cmdId))
            {
                _byQueueItem.Remove(CommandCorrelation.QueueItemId(cmdId));
            }
        }
    }

    /// <summary>The downlink an acknowledgement is for (by TTS's command id or ChirpStack's queue item id).</summary>
    public bool TryFind(DownlinkAck ack, [NotNullWhen(true)] out SentDownlink? sent)
    {
        ArgumentNullException.ThrowIfNull(ack);
        lock (_lock)
        {
            var cmdId = ack.CmdId ?? (ack.QueueItemId is { } id && _byQueueItem.TryGetValue(id, out var byQueue) ? byQueue : null);
            sent = cmdId is null ? null : _byCmdId.GetValueOrDefault(cmdId);
            return sent is not null;
        }
    }
}
