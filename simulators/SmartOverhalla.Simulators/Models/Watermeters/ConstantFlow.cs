namespace SmartOverhalla.Simulators.Models.Watermeters;

/// <summary>
/// A flow that runs at one rate from <see cref="Start"/> until <see cref="End"/> (null: for ever): a leak, a burst, a
/// district's background leakage or a pipe leak.
/// </summary>
internal sealed record ConstantFlow(DateTimeOffset Start, DateTimeOffset? End, double RateLph)
{
    public bool IsActiveAt(DateTimeOffset instant) => instant >= Start && (End is null || instant < End);

    /// <summary>The litres it delivered between <paramref name="from"/> and <paramref name="to"/>.</summary>
    public double LitresWithin(DateTimeOffset from, DateTimeOffset to)
    {
        var start = from > Start ? from : Start;
        var end = End is { } e && e < to ? e : to;
        return end > start ? RateLph * (end - start).TotalHours : 0;
    }

    /// <summary>
    /// Since when flows of <paramref name="flows"/> have run without a break up to <paramref name="instant"/>; null when
    /// none runs at that instant. A meter's leak alarm compares this with 24 hours.
    /// </summary>
    public static DateTimeOffset? ContinuousSince(IReadOnlyList<ConstantFlow> flows, DateTimeOffset instant)
    {
        DateTimeOffset? since = null;
        foreach (var flow in flows)
        {
            if (flow.IsActiveAt(instant) && (since is null || flow.Start < since))
            {
                since = flow.Start;
            }
        }

        // Walk back over flows that ran up to (or across) the start found so far.
        var extended = since is not null;
        while (extended)
        {
            extended = false;
            foreach (var flow in flows)
            {
                if (flow.Start < since && (flow.End is null || flow.End >= since))
                {
                    since = flow.Start;
                    extended = true;
                }
            }
        }

        return since;
    }
}
