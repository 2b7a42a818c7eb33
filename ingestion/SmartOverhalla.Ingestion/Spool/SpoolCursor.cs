using System.Globalization;

namespace SmartOverhalla.Ingestion.Spool;

/// <summary>
/// Where replay stands (segment and offset), kept in a small file replaced atomically (write, rename). It
/// is not fsync'd: after a crash it may lag, and the records replayed again overwrite themselves in
/// InfluxDB (points carry device timestamps).
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
        var path = Path.Combine(directory, FileName);
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, string.Create(CultureInfo.InvariantCulture, $"{segment} {offset}"));
        File.Move(temporary, path, overwrite: true);
    }
}
