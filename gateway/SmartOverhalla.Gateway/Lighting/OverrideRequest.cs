namespace SmartOverhalla.Gateway.Lighting;

/// <summary>Body of <c>POST /api/v1/lighting/overrides</c>: exactly one of <see cref="ZoneId"/> and <see cref="LightId"/>.</summary>
/// <param name="Municipality">Defaults to the zones file's municipality.</param>
/// <param name="Level">Dim level 0–100 %.</param>
/// <param name="Until">When the override ends on its own (RFC 3339); in the future, at most 31 days ahead.</param>
/// <param name="Reason">Why, for the log and other operators (e.g. "Julemarked på torget").</param>
/// <param name="RequestedBy">
/// Ignored: accepted so that clients written before authentication keep working. Who set an override is the
/// authenticated API key's name, never what a body claims.
/// </param>
internal sealed record OverrideRequest(
    string? Municipality,
    string? ZoneId,
    string? LightId,
    int? Level,
    DateTimeOffset? Until,
    string? Reason,
    string? RequestedBy);
