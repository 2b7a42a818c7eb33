namespace SmartOverhalla.Lighting.Planning;

/// <summary>
/// Norway's civil time, Europe/Oslo: CET (UTC+1), CEST (UTC+2) from 01:00 UTC on the last Sunday of March to
/// 01:00 UTC on the last Sunday of October (EU summer-time directive 2000/84/EC, which Norway follows).
/// </summary>
public static class NorwegianTime
{
    /// <summary>The IANA id of Norway's time zone.</summary>
    public const string ZoneId = "Europe/Oslo";

    /// <summary>Europe/Oslo from the system's time-zone data (ICU/tzdata on Linux).</summary>
    public static TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById(ZoneId);
}
