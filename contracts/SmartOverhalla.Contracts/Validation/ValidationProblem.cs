namespace SmartOverhalla.Contracts.Validation;

/// <summary>One thing wrong with a message.</summary>
/// <param name="Field">JSON path of the field (<c>dimLevel</c>, <c>alarms.leak</c>), or <c>$topic</c> / <c>$payload</c>.</param>
/// <param name="Code">One of <see cref="RejectReasons"/>.</param>
/// <param name="Message">A precise, human-readable reason (English; never echoes the payload).</param>
public sealed record ValidationProblem(string Field, string Code, string Message)
{
    public override string ToString() => $"{Field}: {Message} ({Code})";
}
