using SmartOverhalla.Contracts.Messages;

namespace SmartOverhalla.Simulators.Devices.Commands;

/// <summary>
/// The answers to the last commands a device handled, by cmdId, so a command delivered again (QoS 1
/// re-delivery, or the platform retrying after a lost ack) is answered with the same ack instead of
/// being applied twice. Bounded: the oldest answer is forgotten first.
/// </summary>
internal sealed class RecentCommands(int capacity)
{
    /// <summary>Re-deliveries and retries come within minutes; a light gets a few commands a night.</summary>
    public const int DefaultCapacity = 64;

    private readonly Dictionary<string, CommandAck> _answers = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();

    public RecentCommands()
        : this(DefaultCapacity)
    {
    }

    public int Count => _answers.Count;

    public bool TryGet(string cmdId, out CommandAck ack) => _answers.TryGetValue(cmdId, out ack!);

    public void Remember(CommandAck ack)
    {
        ArgumentNullException.ThrowIfNull(ack);
        if (!_answers.TryAdd(ack.CmdId, ack))
        {
            return;
        }

        _order.Enqueue(ack.CmdId);
        if (_order.Count > capacity)
        {
            _answers.Remove(_order.Dequeue());
        }
    }
}
