using SmartOverhalla.Lighting.Savings;

namespace SmartOverhalla.Gateway.Savings;

/// <summary>The answer of <c>GET /api/v1/lighting/savings/lights</c>: each light's row of one day.</summary>
internal sealed record LightSavingsResponse(string Municipality, DateOnly Date, string? Zone, IReadOnlyList<LightSavingsRow> Lights);
