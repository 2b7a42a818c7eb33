namespace SmartOverhalla.Lighting.Astronomy;

/// <summary>The astronomical events of one date at one place (see <see cref="AstronomicalClock.Day"/>).</summary>
/// <param name="Date">The civil date at the place.</param>
/// <param name="SolarNoon">Upper transit, UTC.</param>
/// <param name="CivilDawn">Sun's centre rising through -6°.</param>
/// <param name="Sunrise">Sun's centre rising through -0.833°.</param>
/// <param name="Sunset">Sun's centre setting through -0.833°.</param>
/// <param name="CivilDusk">Sun's centre setting through -6°.</param>
public sealed record SolarDay(
    DateOnly Date,
    DateTimeOffset SolarNoon,
    SolarEvent CivilDawn,
    SolarEvent Sunrise,
    SolarEvent Sunset,
    SolarEvent CivilDusk);
