namespace SmartOverhalla.Lighting.Astronomy;

/// <summary>
/// The outcome of looking for one astronomical event on one date: either it <see cref="Occurs"/> at an
/// instant, or it does not happen because the sun stays on one side of the event's altitude the whole
/// time (<see cref="SunAlwaysAbove"/>: e.g. no civil dusk around midsummer at Overhalla, 64.5° N, where
/// the sun sinks only about 2° below the horizon; midnight sun at Tromsø; <see cref="SunAlwaysBelow"/>:
/// polar night at Tromsø, where the sun does not rise from late November to mid-January).
/// A closed hierarchy: switch over the three cases.
/// </summary>
public abstract record SolarEvent
{
    private SolarEvent()
    {
    }

    /// <summary>The event happens at <paramref name="Instant"/> (UTC).</summary>
    public sealed record Occurs(DateTimeOffset Instant) : SolarEvent;

    /// <summary>The sun's centre stays above the event's altitude: it never gets that dark.</summary>
    public sealed record SunAlwaysAbove : SolarEvent
    {
        /// <summary>The single value of this case.</summary>
        public static SunAlwaysAbove Instance { get; } = new();
    }

    /// <summary>The sun's centre stays below the event's altitude: it never gets that light.</summary>
    public sealed record SunAlwaysBelow : SolarEvent
    {
        /// <summary>The single value of this case.</summary>
        public static SunAlwaysBelow Instance { get; } = new();
    }
}
