namespace SmartOverhalla.Lighting.Configuration;

/// <summary>One step of a profile: from <see cref="Trigger"/> on, the lights burn at <see cref="Level"/> percent.</summary>
/// <param name="Trigger">When the step happens.</param>
/// <param name="Level">Dim level 0–100 %; 0 switches the lights off.</param>
public sealed record DimmingStep(StepTrigger Trigger, int Level)
{
    /// <summary>The lowest level (off).</summary>
    public const int MinLevel = 0;

    /// <summary>The highest level (full light).</summary>
    public const int MaxLevel = 100;
}
