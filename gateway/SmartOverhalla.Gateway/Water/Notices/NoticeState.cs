namespace SmartOverhalla.Gateway.Water.Notices;

/// <summary>A notice's way: drafted by an operator, approved by someone else, sent; a failed send may be tried again.</summary>
internal enum NoticeState
{
    Draft,
    Approved,
    Sent,
    Failed,
}
