namespace SmartOverhalla.Gateway.Lighting;

/// <summary>What one light should do now, and why (shown to operators and sent as the command's reason).</summary>
/// <param name="Level">Dim level 0–100 %.</param>
/// <param name="Reason">Short rule text, e.g. <c>profile: sunset − 10 min</c> or <c>override by ola</c>.</param>
/// <param name="ZoneId">The light's zone, when it has one.</param>
internal sealed record LightDecision(int Level, string Reason, string? ZoneId);
