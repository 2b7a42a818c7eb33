namespace SmartOverhalla.Simulators.Models;

/// <summary>
/// A device model that reports on a change as well as on its interval, as vehicle trackers report on an input change
/// (a plough lifted or lowered).
/// </summary>
internal interface ITriggeredReadings
{
    /// <summary>How long until the next change that wants a reading of its own; null when none is coming.</summary>
    TimeSpan? UntilTriggeredReading { get; }
}
