namespace SmartOverhalla.Water.Leaks;

/// <summary>What a meter's readings suggest.</summary>
public enum SuspicionKind
{
    /// <summary>Water has run without a flow-free hour for a day: a running toilet, a dripping tap, a leaking pipe after the meter.</summary>
    Leak,

    /// <summary>Flow far above what a household draws, for half an hour: a burst pipe.</summary>
    Burst,
}
