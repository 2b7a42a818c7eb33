using Microsoft.Extensions.Logging;

namespace SmartOverhalla.Ingestion.Spool;

/// <summary>
/// Opens a spool directory after a stop or a crash: keeps every whole, intact record, cuts off a torn tail
/// (a batch whose append never completed, so it was never acknowledged and the broker still has it), sets
/// bytes that cannot be read aside in a <c>.corrupt</c> file, and finds where replay stood.
/// </summary>
internal static class SpoolRecovery
{
    public sealed record Result(List<SpoolSegment> Segments, long ReadOffset, long NextSequence);

    public static Result Recover(string directory, ILogger logger)
    {
        var files = new List<(long Sequence, string Path)>();
        foreach (var path in Directory.EnumerateFiles(directory, SpoolSegment.Prefix + "*" + SpoolSegment.Extension))
        {
            if (SpoolSegment.TryParseSequence(Path.GetFileName(path), out var sequence))
            {
                files.Add((sequence, path));
            }
        }

        files.Sort((a, b) => a.Sequence.CompareTo(b.Sequence));
        var cursor = SpoolCursor.Read(directory);
        var nextSequence = Math.Max(files.Count > 0 ? files[^1].Sequence + 1 : 1, (cursor?.Segment ?? 0) + 1);
        var segments = new List<SpoolSegment>();
        long readOffset = 0;
        for (var i = 0; i < files.Count; i++)
        {
            var (sequence, path) = files[i];
            if (cursor is { } c && sequence < c.Segment)
            {
                File.Delete(path); // Replayed whole before the stop; only its deletion was missed.
                continue;
            }

            var startAt = cursor is { } here && here.Segment == sequence ? here.Offset : 0;
            var segment = Scan(path, sequence, startAt, isLast: i == files.Count - 1, logger, out var consumed);
            if (segment is null)
            {
                continue;
            }

            if (segments.Count == 0 && consumed is { } done)
            {
                readOffset = done.Offset;
                segment.Records -= done.Records;
                segment.Points -= done.Points;
                if (readOffset >= segment.Length)
                {
                    File.Delete(path);
                    readOffset = 0;
                    continue;
                }
            }

            segments.Add(segment);
        }

        return new Result(segments, readOffset, nextSequence);
    }

    /// <summary>Reads every record; truncates the file after the last intact one. Null when nothing is left in it.</summary>
    private static SpoolSegment? Scan(string path, long sequence, long cursorOffset, bool isLast, ILogger logger, out (long Offset, long Records, long Points)? consumed)
    {
        consumed = null;
        long records = 0, points = 0, valid = 0, fileLength;
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None))
        {
            fileLength = stream.Length;
            while (true)
            {
                if (cursorOffset > 0 && valid == cursorOffset)
                {
                    consumed = (valid, records, points);
                }

                if (SpoolRecordFormat.TryRead(stream, fileLength) is not { } record)
                {
                    break;
                }

                valid += record.Size;
                records++;
                points += record.Points;
                stream.Position = valid;
            }

            if (valid < fileLength)
            {
                SetAside(stream, path, valid, fileLength, isLast, logger);
                stream.SetLength(valid);
                stream.Flush(flushToDisk: true);
            }
        }

        if (valid == 0)
        {
            File.Delete(path);
            return null;
        }

        return new SpoolSegment(sequence, path, valid, records, points);
    }

    private static void SetAside(FileStream stream, string path, long valid, long fileLength, bool isLast, ILogger logger)
    {
        if (isLast)
        {
            // The normal result of a crash during an append: that batch was never acknowledged.
            Log.SpoolTornTail(logger, Path.GetFileName(path), fileLength - valid);
            return;
        }

        var aside = path + ".corrupt-" + valid.ToString(System.Globalization.CultureInfo.InvariantCulture);
        stream.Position = valid;
        using (var copy = new FileStream(aside, FileMode.Create, FileAccess.Write))
        {
            stream.CopyTo(copy);
        }

        Log.SpoolCorrupt(logger, Path.GetFileName(path), valid, fileLength - valid, aside);
    }
}
