using SmartOverhalla.Time;

namespace SmartOverhalla.Simulators.Models.Streetlights;

/// <summary>
/// The fallback profile a light controller keeps locally (design.md, "Control": lights stay safe when
/// the platform is down): full light from dusk, 50 % in the quiet hours, off by day. Dusk and dawn
/// come from a fixed monthly table for Overhalla (about 64.5° N), a stand-in until the platform's
/// astronomical clock drives the lights.
/// </summary>
internal static class LocalLightingSchedule
{
    public const int FullLevel = 100;
    public const int NightLevel = 50;
    public const int OffLevel = 0;

    /// <summary>Quiet hours with reduced light, local time (the municipality's dimming practice).</summary>
    private static readonly TimeSpan NightDimStart = new(23, 0, 0);
    private static readonly TimeSpan NightDimEnd = new(5, 30, 0);

    /// <summary>
    /// Local switch-on and switch-off times per month, roughly sunset + 15 min and sunrise − 15 min
    /// mid-month. In June and July the sky never gets dark enough at this latitude for the
    /// photocells, so the lights stay off (an empty period).
    /// </summary>
    private static readonly (TimeSpan On, TimeSpan Off)[] DarkPeriods =
    [
        (new(15, 0, 0), new(9, 45, 0)),   // January
        (new(16, 30, 0), new(8, 30, 0)),  // February
        (new(18, 15, 0), new(6, 45, 0)),  // March
        (new(20, 45, 0), new(6, 0, 0)),   // April
        (new(22, 45, 0), new(4, 15, 0)),  // May
        (TimeSpan.Zero, TimeSpan.Zero),   // June: light nights
        (TimeSpan.Zero, TimeSpan.Zero),   // July: light nights
        (new(22, 0, 0), new(5, 15, 0)),   // August
        (new(20, 0, 0), new(6, 45, 0)),   // September
        (new(18, 0, 0), new(8, 0, 0)),    // October
        (new(15, 30, 0), new(9, 15, 0)),  // November
        (new(14, 15, 0), new(10, 15, 0)), // December
    ];

    /// <summary>
    /// The dim level the schedule asks for at <paramref name="instant"/>. <paramref name="photocellOffset"/>
    /// shifts this light's dusk and dawn a little, as real photocells never switch all at once.
    /// </summary>
    public static int DimLevelAt(DateTimeOffset instant, TimeSpan photocellOffset)
    {
        var local = NorwegianTime.ToLocal(instant);
        var (on, off) = DarkPeriods[local.Month - 1];
        if (on == off)
        {
            return OffLevel;
        }

        var timeOfDay = local.TimeOfDay;
        if (!IsWithin(timeOfDay, on + photocellOffset, off + photocellOffset))
        {
            return OffLevel;
        }

        return IsWithin(timeOfDay, NightDimStart, NightDimEnd) ? NightLevel : FullLevel;
    }

    /// <summary>Whether <paramref name="time"/> lies in [start, end), where the span may cross midnight.</summary>
    private static bool IsWithin(TimeSpan time, TimeSpan start, TimeSpan end) =>
        start <= end ? time >= start && time < end : time >= start || time < end;
}
