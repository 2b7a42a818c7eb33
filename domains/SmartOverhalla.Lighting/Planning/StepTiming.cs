namespace SmartOverhalla.Lighting.Planning;

/// <summary>Why a planned step happens when it does.</summary>
public enum StepTiming
{
    /// <summary>At its rule's own time (a clock time, or an event that occurs tonight plus its offset).</summary>
    OnTime,

    /// <summary>
    /// Moved from its rule's time: a clock time skipped by the clocks going forward, or a step kept in the
    /// profile's order by an astronomical step around it (see <see cref="PlannedStep.Note"/>).
    /// </summary>
    Moved,

    /// <summary>Its event does not occur tonight; the step stands in at solar midnight or solar noon (see the README).</summary>
    Substituted,
}
