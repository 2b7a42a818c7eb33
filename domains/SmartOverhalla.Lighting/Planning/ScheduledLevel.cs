namespace SmartOverhalla.Lighting.Planning;

/// <summary>The level a zone's profile asks for at one instant, and what changes it next.</summary>
/// <param name="Level">Dim level 0–100 in force.</param>
/// <param name="Since">The step that set it (possibly from the previous night's plan).</param>
/// <param name="Next">The next step that takes effect; the controller can sleep until its <see cref="PlannedStep.Utc"/>.</param>
public sealed record ScheduledLevel(int Level, PlannedStep Since, PlannedStep Next);
