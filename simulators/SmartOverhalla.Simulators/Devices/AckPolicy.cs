namespace SmartOverhalla.Simulators.Devices;

/// <summary>When a device sends the ack of a command it has handled: at once, after a delay, or never (injected faults).</summary>
internal sealed record AckPolicy
{
    private AckPolicy(bool sends, TimeSpan delay)
    {
        Sends = sends;
        Delay = delay;
    }

    public static AckPolicy Immediate { get; } = new(sends: true, TimeSpan.Zero);

    public static AckPolicy Never { get; } = new(sends: false, TimeSpan.Zero);

    public bool Sends { get; }

    public TimeSpan Delay { get; }

    public static AckPolicy After(TimeSpan delay) =>
        delay > TimeSpan.Zero ? new AckPolicy(sends: true, delay) : Immediate;

    /// <summary>When the ack of a command handled at <paramref name="handled"/> is due; null when it is never sent.</summary>
    public DateTimeOffset? DueAt(DateTimeOffset handled) => Sends ? handled + Delay : null;
}
