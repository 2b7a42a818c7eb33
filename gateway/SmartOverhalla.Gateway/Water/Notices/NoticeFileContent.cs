namespace SmartOverhalla.Gateway.Water.Notices;

/// <summary>The notices file's shape: a version and every notice.</summary>
internal sealed record NoticeFileContent(int Version, List<Notice> Notices)
{
    public const int CurrentVersion = 1;
}
