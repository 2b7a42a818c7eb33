namespace SmartOverhalla.Lighting.Astronomy;

/// <summary>
/// The astronomical events a dimming step can follow. Each is the moment the centre of the sun crosses a
/// fixed altitude: sunrise and sunset at -0.833° (34′ of standard refraction plus the 16′ semi-diameter,
/// so the upper limb touches the horizon), civil dawn and dusk at -6° (the end of civil twilight).
/// Source: NOAA Global Monitoring Division, "General Solar Position Calculations".
/// </summary>
public enum SolarEventKind
{
    /// <summary>The sun's upper limb appears: centre rising through -0.833°.</summary>
    Sunrise,

    /// <summary>The sun's upper limb disappears: centre setting through -0.833°.</summary>
    Sunset,

    /// <summary>Civil twilight begins: centre rising through -6°.</summary>
    CivilDawn,

    /// <summary>Civil twilight ends: centre setting through -6°.</summary>
    CivilDusk,
}
