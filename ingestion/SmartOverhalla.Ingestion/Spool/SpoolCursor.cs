using System.Globalization;
using SmartOverhalla.DurableFiles;

namespace SmartOverhalla.Ingestion.Spool;

/// <summary>
/// Where replay stands (segment and offset), kept in a small file replaced through <see cref="AtomicFile"/>. Were
/// it ever to lag after a crash, the records replayed again would overwrite themselves in InfluxDB (points carry
/// device timestamps); a torn or missing cursor is what the atomic replace rules out.
/// </summary>
internal static class SpoolCursor
{
    private const string FileName = "cursor";

    public static (long Segment, long Offset)? Read(string directory)
    {
        try
        {
            var parts = File.ReadAllText(Path.Combine(directory, FileName)).Split(' ');
            return parts.Length == 2
                && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var segment)
                && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var offset)
                ? (segment, offset)
                : null;
        }
        catch (FileNotFoundException)
        {
            return null;
        }
    }

    public static void Write(string directory, long segment, long offset)
    {
        Span<byte> content = stackalloc byte[(2 * 20) + 1]; // two longs and a space
        System.Text.Unicode.Utf8.TryWrite(content, CultureInfo.InvariantCulture, $"{segment} {offset}", out var written);
        AtomicFile.Write(Path.Combine(directory, FileName), content[..written], AtomicFile.UmaskDefault);
    }
}
