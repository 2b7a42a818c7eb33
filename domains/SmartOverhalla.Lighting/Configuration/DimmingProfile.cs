namespace SmartOverhalla.Lighting.Configuration;

/// <summary>
/// A named, ordered list of steps for one night, listed in the order they are meant to happen from the evening
/// to the morning (see the README, "Profiles", for how the order is kept when the sun moves the steps).
/// </summary>
/// <param name="Id">Slug the zones refer to.</param>
/// <param name="Description">Free text for operators, or null.</param>
/// <param name="Steps">At least one step.</param>
public sealed record DimmingProfile(string Id, string? Description, IReadOnlyList<DimmingStep> Steps);
