namespace SmartOverhalla.Simulators.Models;

/// <summary>
/// A device model whose link comes and goes (a plough's mobile connection in a valley): a reading taken while the link
/// is down is kept in the device's buffer and sent, with its own time, when the link is back.
/// </summary>
internal interface IBufferedReadings
{
    /// <summary>Until when the reading just taken waits in the buffer; null when it goes at once.</summary>
    DateTimeOffset? HeldUntil { get; }
}
