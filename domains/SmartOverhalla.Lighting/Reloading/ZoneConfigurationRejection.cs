using SmartOverhalla.Lighting.Configuration;

namespace SmartOverhalla.Lighting.Reloading;

/// <summary>An edit of the zone file that was not taken into use.</summary>
/// <param name="At">When it was read, UTC.</param>
/// <param name="Problems">Every problem found in it.</param>
public sealed record ZoneConfigurationRejection(DateTimeOffset At, IReadOnlyList<ConfigurationProblem> Problems);
