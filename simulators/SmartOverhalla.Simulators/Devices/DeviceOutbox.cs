using SmartOverhalla.Contracts.Messages;
using SmartOverhalla.Contracts.Topics;

namespace SmartOverhalla.Simulators.Devices;

/// <summary>
/// Messages a device still has to send besides its telemetry (acks, events), each from a due time
/// on; kept in due order, and in arrival order for equal times. Used by the device's loop only.
/// </summary>
internal sealed class DeviceOutbox
{
    private readonly List<OutboxEntry> _entries = [];

    public int Count => _entries.Count;

    /// <summary>When the earliest message is due; null when there is none.</summary>
    public DateTimeOffset? NextDue => _entries.Count > 0 ? _entries[0].Due : null;

    public void Add(DateTimeOffset due, MessageType type, IDeviceMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var index = _entries.Count;
        while (index > 0 && _entries[index - 1].Due > due)
        {
            index--;
        }

        _entries.Insert(index, new OutboxEntry(due, type, message));
    }

    /// <summary>The earliest message, if it is due at <paramref name="now"/>.</summary>
    public bool TryPeekDue(DateTimeOffset now, out OutboxEntry entry)
    {
        if (_entries.Count > 0 && _entries[0].Due <= now)
        {
            entry = _entries[0];
            return true;
        }

        entry = default;
        return false;
    }

    /// <summary>Removes the earliest message, once it was sent (or given up).</summary>
    public void RemoveFirst() => _entries.RemoveAt(0);

    /// <summary>Removes and returns every message of <paramref name="type"/>, due or not, in due order.</summary>
    public IReadOnlyList<OutboxEntry> TakeAll(MessageType type)
    {
        var taken = _entries.Where(e => e.Type == type).ToList();
        _entries.RemoveAll(e => e.Type == type);
        return taken;
    }
}
