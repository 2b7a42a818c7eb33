namespace SmartOverhalla.Gateway.Water.Notices;

/// <summary>The body of <c>POST /api/v1/water/notices</c>.</summary>
internal sealed record NoticeRequest(string? Municipality, IReadOnlyList<string>? Districts, string? Text, string? AlertId);
