namespace SmartOverhalla.Gateway.Lighting;

/// <summary>
/// One light's twin: desired (what the platform wants), acknowledged (what the light confirmed) and reported
/// (what its telemetry says). Immutable: the store swaps whole records.
/// </summary>
internal sealed record LightState(
    string Municipality,
    string LightId,
    int? DesiredLevel = null,
    string? DesiredReason = null,
    int? AckedLevel = null,
    int? ReportedLevel = null,
    DateTimeOffset? ReportedAt = null,
    string? PendingCmdId = null,
    int? PendingLevel = null,
    bool Unresponsive = false,
    DateTimeOffset? UnresponsiveSince = null,
    DateTimeOffset? LastCommandAt = null)
{
    /// <summary>True when the light needs a command to reach <paramref name="desired"/>.</summary>
    public bool NeedsCommand(int desired) =>
        PendingLevel != desired
        && (AckedLevel != desired || (ReportedLevel is { } reported && reported != desired && ReportedAt > LastCommandAt));
}
