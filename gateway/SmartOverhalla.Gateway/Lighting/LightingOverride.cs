namespace SmartOverhalla.Gateway.Lighting;

/// <summary>
/// An operator's override: one light or a whole zone at a level until an end time, with a reason and who set it.
/// It ends on its own at <see cref="Until"/>, or when cancelled.
/// </summary>
internal sealed record LightingOverride(
    Guid Id,
    string Municipality,
    string? ZoneId,
    string? LightId,
    int Level,
    DateTimeOffset Until,
    string Reason,
    string SetBy,
    DateTimeOffset CreatedAt)
{
    public bool IsActiveAt(DateTimeOffset now) => now >= CreatedAt && now < Until;

    public bool Covers(string municipality, string lightId, string? zoneId) =>
        Municipality == municipality && (LightId == lightId || (LightId is null && ZoneId is not null && ZoneId == zoneId));
}
