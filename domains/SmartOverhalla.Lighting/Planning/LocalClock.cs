namespace SmartOverhalla.Lighting.Planning;

/// <summary>
/// Turns a local wall-clock time on a local date into the one instant a clock step fires at. The rule: a step
/// fires once, at the first instant the local clock reaches its time. That settles both DST nights:
/// on the spring-forward night (Europe/Oslo: 02:00 → 03:00) a step at 02:30 never shows on the clock, so it
/// fires when the clock jumps past it, at 03:00 CEST (01:00 UTC); on the fall-back night (03:00 → 02:00)
/// 02:30 shows twice and the step fires at the first, 02:30 CEST (00:30 UTC), and not again at 02:30 CET.
/// </summary>
internal static class LocalClock
{
    /// <summary>How the wall-clock time was resolved.</summary>
    public enum Resolution
    {
        /// <summary>The time happens once that day.</summary>
        Exact,

        /// <summary>The time is skipped by the clocks going forward; the instant is the jump.</summary>
        SkippedForward,

        /// <summary>The time happens twice as the clocks go back; the instant is the first.</summary>
        FirstOfTwo,
    }

    /// <summary>The first instant at or after which <paramref name="zone"/>'s clock shows <paramref name="time"/> on <paramref name="date"/>.</summary>
    public static (DateTimeOffset Instant, Resolution Resolution) FirstInstant(DateOnly date, TimeOnly time, TimeZoneInfo zone)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            // Walk to the first minute the clock does show (the end of the gap); every real zone's transitions
            // are on whole minutes. That minute's instant is the jump itself.
            var shown = local;
            do
            {
                shown = shown.AddMinutes(1);
            }
            while (zone.IsInvalidTime(shown));

            return (new DateTimeOffset(shown, zone.GetUtcOffset(shown)).ToUniversalTime(), Resolution.SkippedForward);
        }

        if (zone.IsAmbiguousTime(local))
        {
            // The earlier occurrence is the one with the larger offset (summer time, before the clocks go back).
            var summer = zone.GetAmbiguousTimeOffsets(local).Max();
            return (new DateTimeOffset(local, summer).ToUniversalTime(), Resolution.FirstOfTwo);
        }

        return (new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime(), Resolution.Exact);
    }
}
