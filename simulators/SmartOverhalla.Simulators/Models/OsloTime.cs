namespace SmartOverhalla.Simulators.Models;

/// <summary>Local time in Overhalla (Europe/Oslo, with daylight saving), which drives lights and water use.</summary>
internal static class OsloTime
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Oslo");

    public static DateTime ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone).DateTime;

    /// <summary>Local time of day in hours, 0 ≤ h &lt; 24.</summary>
    public static double HourOfDay(DateTimeOffset instant) => ToLocal(instant).TimeOfDay.TotalHours;
}
