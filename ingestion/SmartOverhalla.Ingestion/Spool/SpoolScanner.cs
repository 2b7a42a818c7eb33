using System.Buffers.Binary;

namespace SmartOverhalla.Ingestion.Spool;

/// <summary>
/// Walks the records of a segment between two offsets. An unreadable record is not the end: the scan
/// resynchronises at the next offset that holds a whole record (magic, plausible length, CRC over the body)
/// and reports the bytes in between as a <see cref="Gap"/>. Only bytes after the last whole record are a
/// tail, classified as <see cref="TailKind.Torn"/> (an append a crash cut short, or zeros) or
/// <see cref="TailKind.Unreadable"/>. Records are fsync'd one at a time, so a bad record followed by intact
/// ones is corruption, never a crash artefact, and the records after it were acknowledged.
/// </summary>
internal static class SpoolScanner
{
    private const int ChunkBytes = 64 * 1024;
    private static readonly byte[] MagicBytes = "SOSP"u8.ToArray(); // SpoolRecordFormat.Magic as stored (little endian)

    public enum TailKind
    {
        /// <summary>The scan ended on a record boundary.</summary>
        None,

        /// <summary>A final record that extends past the end (header or body cut short), or only zeros: a crash during an append.</summary>
        Torn,

        /// <summary>Bytes that are neither a record nor a torn append, with no intact record after them.</summary>
        Unreadable,
    }

    /// <summary>Unreadable bytes [<see cref="Offset"/>, <see cref="End"/>) followed by an intact record at <see cref="End"/>.</summary>
    public readonly record struct Gap(long Offset, long End)
    {
        public long Length => End - Offset;
    }

    /// <summary>Where a replay cursor falls: the next record to replay, and the records and points before it.</summary>
    public readonly record struct Mark(long ResumeOffset, long RecordsBefore, long PointsBefore);

    public sealed class Result
    {
        public long Records { get; internal set; }

        public long Points { get; internal set; }

        public List<Gap> Gaps { get; } = [];

        /// <summary>The end of the last whole record (or the start, when there is none); bytes from here to the limit are the tail.</summary>
        public long End { get; internal set; }

        public TailKind Tail { get; internal set; }

        /// <summary>Set when the mark offset fell on a record, on the start of a gap or on <see cref="End"/>.</summary>
        public Mark? MarkHit { get; internal set; }
    }

    /// <summary>
    /// Scans [<paramref name="from"/>, <paramref name="limit"/>). <paramref name="mark"/> (or -1) is an offset
    /// to locate among the records, e.g. the replay cursor.
    /// </summary>
    public static Result Scan(Stream stream, long from, long limit, long mark = -1)
    {
        var result = new Result();
        var position = from;
        while (true)
        {
            if (position == mark)
            {
                result.MarkHit = new Mark(position, result.Records, result.Points);
            }

            if (position >= limit)
            {
                break;
            }

            stream.Position = position;
            if (SpoolRecordFormat.TryRead(stream, limit) is { } record)
            {
                result.Records++;
                result.Points += record.Points;
                position += record.Size;
                continue;
            }

            var next = FindNextRecord(stream, position + 1, limit);
            if (next < 0)
            {
                result.Tail = IsTorn(stream, position, limit) ? TailKind.Torn : TailKind.Unreadable;
                break;
            }

            result.Gaps.Add(new Gap(position, next));
            if (result.MarkHit is { } hit && hit.ResumeOffset == position)
            {
                result.MarkHit = hit with { ResumeOffset = next };
            }

            position = next;
        }

        result.End = Math.Min(position, limit);
        return result;
    }

    /// <summary>The first offset at or after <paramref name="from"/> where a whole, intact record starts; -1 when none does.</summary>
    public static long FindNextRecord(Stream stream, long from, long limit)
    {
        var buffer = new byte[ChunkBytes];
        var position = from;
        while (limit - position >= SpoolRecordFormat.HeaderSize)
        {
            stream.Position = position;
            var wanted = (int)Math.Min(buffer.Length, limit - position);
            var read = stream.ReadAtLeast(buffer.AsSpan(0, wanted), wanted, throwOnEndOfStream: false);
            if (read < SpoolRecordFormat.HeaderSize)
            {
                return -1; // The file is shorter than its recorded length: nothing more to find.
            }

            var found = buffer.AsSpan(0, read).IndexOf(MagicBytes);
            if (found < 0)
            {
                position += read - (MagicBytes.Length - 1); // A magic split across chunks is found in the next one.
                continue;
            }

            var candidate = position + found;
            stream.Position = candidate;
            if (SpoolRecordFormat.TryRead(stream, limit) is not null)
            {
                return candidate;
            }

            position = candidate + 1;
        }

        return -1;
    }

    /// <summary>
    /// True when the bytes from <paramref name="offset"/> to <paramref name="limit"/> are what a crash during an
    /// append leaves: only zeros, or the start of a record (magic, or a prefix of it) whose header or body
    /// would extend past the end.
    /// </summary>
    public static bool IsTorn(Stream stream, long offset, long limit)
    {
        var remaining = limit - offset;
        if (AllZero(stream, offset, limit))
        {
            return true;
        }

        Span<byte> header = stackalloc byte[SpoolRecordFormat.HeaderSize];
        var size = (int)Math.Min(SpoolRecordFormat.HeaderSize, remaining);
        stream.Position = offset;
        var read = stream.ReadAtLeast(header[..size], size, throwOnEndOfStream: false);
        var magicPart = Math.Min(read, MagicBytes.Length);
        if (read < size || !header[..magicPart].SequenceEqual(MagicBytes.AsSpan(0, magicPart)))
        {
            return false;
        }

        if (remaining < 8)
        {
            return true; // The header was cut before its length field.
        }

        var length = BinaryPrimitives.ReadUInt32LittleEndian(header[4..8]);
        return length is > 0 and <= SpoolRecordFormat.MaxPayloadBytes && SpoolRecordFormat.HeaderSize + (long)length > remaining;
    }

    /// <summary>Copies [<paramref name="offset"/>, <paramref name="end"/>) of the segment to <c>{segment}.corrupt-{offset}</c> and returns that path.</summary>
    public static string SetAside(Stream stream, string segmentPath, long offset, long end)
    {
        var aside = segmentPath + ".corrupt-" + offset.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var buffer = new byte[ChunkBytes];
        stream.Position = offset;
        using var copy = new FileStream(aside, FileMode.Create, FileAccess.Write);
        for (var left = end - offset; left > 0;)
        {
            var read = stream.Read(buffer, 0, (int)Math.Min(buffer.Length, left));
            if (read == 0)
            {
                break;
            }

            copy.Write(buffer, 0, read);
            left -= read;
        }

        copy.Flush(flushToDisk: true);
        return aside;
    }

    private static bool AllZero(Stream stream, long offset, long limit)
    {
        var buffer = new byte[(int)Math.Min(ChunkBytes, Math.Max(1, limit - offset))];
        stream.Position = offset;
        for (var left = limit - offset; left > 0;)
        {
            var read = stream.Read(buffer, 0, (int)Math.Min(buffer.Length, left));
            if (read == 0)
            {
                return true; // The file ends before the recorded length: nothing more was written.
            }

            if (buffer.AsSpan(0, read).ContainsAnyExcept((byte)0))
            {
                return false;
            }

            left -= read;
        }

        return true;
    }
}
