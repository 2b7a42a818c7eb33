namespace SmartOverhalla.Gateway.Water.Notices;

/// <summary>
/// What the municipality's SMS service receives: the notice and the addresses of the household meters in its districts, by
/// which it selects the recipients (the platform holds no phone numbers).
/// </summary>
internal sealed record NoticeMessage(Guid NoticeId, string Municipality, IReadOnlyList<string> Districts, string Text, string? AlertId, IReadOnlyList<string> Addresses);
