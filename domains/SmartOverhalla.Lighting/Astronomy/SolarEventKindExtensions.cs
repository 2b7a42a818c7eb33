namespace SmartOverhalla.Lighting.Astronomy;

/// <summary>Facts about each <see cref="SolarEventKind"/>: its altitude, its side of the day, its name in the zone file.</summary>
public static class SolarEventKindExtensions
{
    /// <summary>Altitude of the sun's centre at sunrise and sunset, degrees (NOAA: zenith 90.833°).</summary>
    public const double HorizonAltitude = -0.833;

    /// <summary>Altitude of the sun's centre at civil dawn and dusk, degrees.</summary>
    public const double CivilTwilightAltitude = -6.0;

    /// <summary>The altitude, in degrees, that the sun's centre crosses at this event.</summary>
    public static double Altitude(this SolarEventKind kind) => kind switch
    {
        SolarEventKind.Sunrise or SolarEventKind.Sunset => HorizonAltitude,
        SolarEventKind.CivilDawn or SolarEventKind.CivilDusk => CivilTwilightAltitude,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>True for the morning events (the sun rising through the altitude), false for the evening ones.</summary>
    public static bool IsMorning(this SolarEventKind kind) => kind switch
    {
        SolarEventKind.Sunrise or SolarEventKind.CivilDawn => true,
        SolarEventKind.Sunset or SolarEventKind.CivilDusk => false,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>The event's name as written in the zone file: sunrise, sunset, civilDawn, civilDusk.</summary>
    public static string ToRuleName(this SolarEventKind kind) => kind switch
    {
        SolarEventKind.Sunrise => "sunrise",
        SolarEventKind.Sunset => "sunset",
        SolarEventKind.CivilDawn => "civilDawn",
        SolarEventKind.CivilDusk => "civilDusk",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
