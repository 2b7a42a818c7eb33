using Microsoft.Extensions.Logging;

namespace SmartOverhalla.Ingestion.Spool;

/// <summary>
/// Opens a spool directory after a stop or a crash: keeps every whole, intact record, cuts off a torn tail
/// of the newest segment (a batch whose append never completed, so it was never acknowledged and the broker
/// still has it), copies unreadable bytes anywhere else to a <c>.corrupt-{offset}</c> file and goes on with
/// the next intact record after them, and finds where replay stood.
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

            var mark = cursor is { } here && here.Segment == sequence && here.Offset > 0 ? here.Offset : -1;
            var segment = Scan(path, sequence, mark, isLast: i == files.Count - 1, logger, out var consumed);
            if (segment is null)
            {
                continue;
            }

            if (segments.Count == 0 && consumed is { } done)
            {
                readOffset = done.ResumeOffset;
                segment.Records -= done.RecordsBefore;
                segment.Points -= done.PointsBefore;
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

    /// <summary>
    /// Reads every record, sets unreadable ranges between records aside, truncates the file after the last
    /// whole record. Null when nothing is left in it. <paramref name="consumed"/> is where the cursor
    /// (<paramref name="mark"/>) falls, when it falls on a record boundary; otherwise the segment is replayed whole.
    /// </summary>
    private static SpoolSegment? Scan(string path, long sequence, long mark, bool isLast, ILogger logger, out SpoolScanner.Mark? consumed)
    {
        var file = Path.GetFileName(path);
        SpoolScanner.Result scan;
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None))
        {
            var fileLength = stream.Length;
            scan = SpoolScanner.Scan(stream, 0, fileLength, mark);
            foreach (var gap in scan.Gaps)
            {
                var aside = SpoolScanner.SetAside(stream, path, gap.Offset, gap.End);
                Log.SpoolResynchronised(logger, file, gap.Offset, gap.End, gap.Length, aside);
            }

            if (scan.End < fileLength)
            {
                if (isLast && scan.Tail == SpoolScanner.TailKind.Torn)
                {
                    // The normal result of a crash during an append: that batch was never acknowledged.
                    Log.SpoolTornTail(logger, file, fileLength - scan.End);
                }
                else
                {
                    var aside = SpoolScanner.SetAside(stream, path, scan.End, fileLength);
                    Log.SpoolCorrupt(logger, file, scan.End, fileLength - scan.End, aside);
                }

                stream.SetLength(scan.End);
                stream.Flush(flushToDisk: true);
            }
        }

        consumed = scan.MarkHit;
        if (scan.End == 0)
        {
            File.Delete(path);
            return null;
        }

        var segment = new SpoolSegment(sequence, path, scan.End, scan.Records, scan.Points);
        foreach (var gap in scan.Gaps)
        {
            segment.Gaps[gap.Offset] = gap.End;
        }

        return segment;
    }
}
