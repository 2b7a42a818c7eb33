using SmartOverhalla.Lighting.Savings;

namespace SmartOverhalla.Gateway.Savings;

/// <summary>The answer of <c>GET /api/v1/lighting/savings</c>: rows per zone and day (or month), and their total.</summary>
/// <param name="Period"><c>day</c> or <c>month</c>.</param>
internal sealed record SavingsResponse(
    string Municipality,
    string Period,
    DateOnly From,
    DateOnly To,
    string? Zone,
    IReadOnlyList<SavingsRow> Rows,
    SavingsTotal Total);
