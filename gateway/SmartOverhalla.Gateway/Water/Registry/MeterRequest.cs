namespace SmartOverhalla.Gateway.Water.Registry;

/// <summary>The body of <c>PUT /api/v1/water/meters/{municipality}/{meterId}</c>.</summary>
/// <param name="Role"><c>household</c> or <c>district-inflow</c>.</param>
/// <param name="Address">Required for a household meter, refused for a district inflow meter.</param>
internal sealed record MeterRequest(string? Role, string? District, string? Address);
