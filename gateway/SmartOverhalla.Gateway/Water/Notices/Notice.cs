namespace SmartOverhalla.Gateway.Water.Notices;

/// <summary>
/// An incident notice to the residents of one or more districts (plain Norwegian, SMS length). It holds no address and no
/// phone number: the addresses are read from the registry when it is sent, and the SMS service finds the recipients.
/// </summary>
/// <param name="AlertId">Optional reference to the alert it is about (the alert's id in the alert API).</param>
/// <param name="LastError">Why the last send failed (a status code or a connection error; never a URL).</param>
internal sealed record Notice(
    Guid Id,
    string Municipality,
    IReadOnlyList<string> Districts,
    string Text,
    string? AlertId,
    NoticeState State,
    string DraftedBy,
    DateTimeOffset DraftedAt,
    string? ApprovedBy = null,
    DateTimeOffset? ApprovedAt = null,
    DateTimeOffset? SentAt = null,
    int SendAttempts = 0,
    string? LastError = null)
{
    /// <summary>The audit log's target for it.</summary>
    public string AuditTarget => $"notice:{Id:D}";

    public bool CanBeSent => State is NoticeState.Approved or NoticeState.Failed;
}
