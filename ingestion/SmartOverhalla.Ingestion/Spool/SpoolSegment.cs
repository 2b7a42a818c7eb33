using System.Globalization;

namespace SmartOverhalla.Ingestion.Spool;

/// <summary>One append-only segment file: its valid length and the records in it not yet replayed.</summary>
internal sealed class SpoolSegment(long sequence, string path, long length, long records, long points)
{
    public const string Prefix = "segment-";
    public const string Extension = ".seg";

    public long Sequence { get; } = sequence;

    public string Path { get; } = path;

    /// <summary>Bytes of whole, synced records (the file is never longer once recovered).</summary>
    public long Length { get; set; } = length;

    public long Records { get; set; } = records;

    public long Points { get; set; } = points;

    /// <summary>Unreadable byte ranges inside the segment, already set aside and logged: start offset → offset of the next intact record (or <see cref="Length"/>).</summary>
    public Dictionary<long, long> Gaps { get; } = [];

    public static string FileName(long sequence) => Prefix + sequence.ToString("D12", CultureInfo.InvariantCulture) + Extension;

    public static bool TryParseSequence(string fileName, out long sequence)
    {
        sequence = 0;
        return fileName.StartsWith(Prefix, StringComparison.Ordinal) && fileName.EndsWith(Extension, StringComparison.Ordinal)
            && long.TryParse(fileName.AsSpan(Prefix.Length, fileName.Length - Prefix.Length - Extension.Length), NumberStyles.None, CultureInfo.InvariantCulture, out sequence);
    }
}
