namespace SmartOverhalla.Lighting.Planning;

/// <summary>One step of a night's plan, as the HTTP API shows it and the controller follows it.</summary>
/// <param name="StepNumber">The step's position in its profile, from 1.</param>
/// <param name="Rule">The rule as written for operators, e.g. "sunset − 10 min" or "23:00".</param>
/// <param name="Level">Dim level 0–100 from this instant on.</param>
/// <param name="Utc">When the step happens, UTC.</param>
/// <param name="Local">The same instant in Europe/Oslo time (offset +01:00 or +02:00).</param>
/// <param name="Timing">On time, moved or substituted.</param>
/// <param name="TakesEffect">
/// False when a later step of the profile happens at the same instant and so is the one in force (e.g. "50 % at
/// 23:00" on a midsummer night whose sunset step it had to wait for).
/// </param>
/// <param name="Note">Why the step was moved or substituted, or what DST did to it; null when on time.</param>
public sealed record PlannedStep(
    int StepNumber,
    string Rule,
    int Level,
    DateTimeOffset Utc,
    DateTimeOffset Local,
    StepTiming Timing,
    bool TakesEffect,
    string? Note);
