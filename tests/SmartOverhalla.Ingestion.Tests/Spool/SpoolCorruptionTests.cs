using System.Text;
using CsCheck;
using Microsoft.Extensions.Logging;
using SmartOverhalla.Ingestion.Spool;

namespace SmartOverhalla.Ingestion.Tests.Spool;

/// <summary>
/// Unreadable bytes in the spool: a torn final record (a crash during an append, never acknowledged) is cut
/// off; anything else is corruption of acknowledged data, so it is copied aside and replay resynchronises at
/// the next intact record, at recovery and at runtime.
/// </summary>
public sealed class SpoolCorruptionTests : IDisposable
{
    private const int HeaderSize = SpoolRecordFormat.HeaderSize;
    private readonly SpoolDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Open_CorruptRecordInTheMiddleOfTheLastSegment_ReplaysTheRecordsAfterItAndSetsTheBadBytesAside()
    {
        Append(_dir, new SpoolOptions(), 5);
        var segment = Assert.Single(_dir.Segments());
        var records = RecordsOf(segment);
        FlipByte(segment, records[2].Start + HeaderSize + 7); // in the payload: CRC mismatch

        var badBytes = File.ReadAllBytes(segment)[(int)records[2].Start..(int)records[2].End];

        using var after = _dir.Open();

        Assert.Equal(4, after.Status().Records);
        Assert.Equal(Texts(0, 1, 3, 4), SpoolDirectory.Drain(after));
        var aside = Assert.Single(CorruptFiles());
        Assert.Equal(segment + ".corrupt-" + records[2].Start, aside);
        Assert.Equal(badBytes, File.ReadAllBytes(aside));
        var error = Assert.Single(_dir.Logs.Errors);
        Assert.Equal(39, error.EventId.Id);
        Assert.Contains($"{Path.GetFileName(segment)} is unreadable from offset {records[2].Start} to {records[3].Start} ({records[2].End - records[2].Start} bytes)", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(_dir.Logs.Entries, e => e.Message.Contains("torn record", StringComparison.Ordinal));
    }

    [Fact]
    public void Open_CorruptLengthFieldThatPointsPastTheEnd_IsNotTakenForATornTail()
    {
        Append(_dir, new SpoolOptions(), 4);
        var segment = Assert.Single(_dir.Segments());
        var records = RecordsOf(segment);
        FlipByte(segment, records[1].Start + 6, 0x7F); // length += 0x7F0000: reaches far past the end of the file

        using var after = _dir.Open();

        Assert.Equal(Texts(0, 2, 3), SpoolDirectory.Drain(after));
        Assert.Single(CorruptFiles());
        Assert.DoesNotContain(_dir.Logs.Entries, e => e.Message.Contains("torn record", StringComparison.Ordinal));
    }

    [Fact]
    public void Open_CrcMismatchInTheFinalRecord_SetsItAsideRatherThanCallingItTorn()
    {
        Append(_dir, new SpoolOptions(), 2);
        var segment = Assert.Single(_dir.Segments());
        var records = RecordsOf(segment);
        FlipByte(segment, records[1].End - 10);

        using var after = _dir.Open();

        Assert.Equal(records[1].Start, new FileInfo(segment).Length); // cut after the last intact record
        Assert.Equal(Texts(0), SpoolDirectory.Drain(after));
        Assert.Equal(segment + ".corrupt-" + records[1].Start, Assert.Single(CorruptFiles()));
        Assert.Contains(_dir.Logs.Errors, e => e.EventId.Id == 21 && e.Message.Contains($"from offset {records[1].Start}", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(3)] // part of the magic
    [InlineData(10)] // the header up to the point count
    [InlineData(HeaderSize + 5)] // the header and a few bytes of the body
    public void Open_GenuinelyTornFinalRecord_IsCutOffWithoutACorruptFile(int written)
    {
        Append(_dir, new SpoolOptions(), 3);
        var segment = Assert.Single(_dir.Segments());
        var records = RecordsOf(segment);
        using (var file = new FileStream(segment, FileMode.Open))
        {
            file.SetLength(records[2].Start + written); // a crash during the third append
        }

        using var after = _dir.Open();

        Assert.Equal(Texts(0, 1), SpoolDirectory.Drain(after));
        Assert.Empty(CorruptFiles());
        Assert.Empty(_dir.Logs.Errors);
        Assert.Contains(_dir.Logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains($"torn record ({written} bytes", StringComparison.Ordinal));
    }

    [Fact]
    public void Open_ZeroFilledTail_IsCutOffWithoutACorruptFile()
    {
        Append(_dir, new SpoolOptions(), 2);
        var segment = Assert.Single(_dir.Segments());
        var whole = new FileInfo(segment).Length;
        using (var file = new FileStream(segment, FileMode.Append))
        {
            file.Write(new byte[100_000]);
        }

        using var after = _dir.Open();

        Assert.Equal(whole, new FileInfo(segment).Length);
        Assert.Equal(Texts(0, 1), SpoolDirectory.Drain(after));
        Assert.Empty(CorruptFiles());
        Assert.Empty(_dir.Logs.Errors);
    }

    [Fact]
    public void Peek_RecordThatBecameUnreadableInAnOlderSegment_IsSetAsideAndTheRestIsReplayed()
    {
        var options = ThreeRecordsPerSegment();
        using var spool = _dir.Open(options);
        for (var i = 0; i < 9; i++)
        {
            Assert.True(spool.TryAppend(SpoolDirectory.Batch(i), 3));
        }

        var segments = _dir.Segments();
        Assert.Equal(3, segments.Length);
        var first = RecordsOf(segments[0]);
        var second = RecordsOf(segments[1]);
        FlipByte(segments[0], first[1].Start + HeaderSize + 3); // the middle record of the oldest segment
        FlipByte(segments[1], second[2].Start + 1); // the last record of the next one: its magic

        var replayed = SpoolDirectory.Drain(spool);

        Assert.Equal(Texts(0, 2, 3, 4, 6, 7, 8), replayed);
        Assert.Equal(
            [segments[0] + ".corrupt-" + first[1].Start, segments[1] + ".corrupt-" + second[2].Start],
            CorruptFiles());
        Assert.Equal(first[1].End - first[1].Start, new FileInfo(segments[0] + ".corrupt-" + first[1].Start).Length);
        Assert.Equal(2, _dir.Logs.Errors.Count());
        var status = spool.Status();
        Assert.Equal((SpoolState.Empty, 0L, 0L, 0L, 0), (status.State, status.Records, status.Points, status.Bytes, status.Segments));
        Assert.Empty(_dir.Segments());
    }

    [Fact]
    public void Peek_UnreadableEndOfTheSegmentBeingWritten_IsSkippedAndLaterAppendsAreReplayed()
    {
        using var spool = _dir.Open();
        for (var i = 0; i < 3; i++)
        {
            Assert.True(spool.TryAppend(SpoolDirectory.Batch(i), 3));
        }

        var segment = Assert.Single(_dir.Segments());
        FlipByte(segment, RecordsOf(segment)[2].Start + HeaderSize);

        Assert.Equal(Texts(0, 1), SpoolDirectory.Drain(spool));
        Assert.True(spool.TryAppend(SpoolDirectory.Batch(3), 3));
        Assert.True(spool.TryAppend(SpoolDirectory.Batch(4), 3));

        Assert.Equal(Texts(3, 4), SpoolDirectory.Drain(spool));
        Assert.Single(CorruptFiles());
        Assert.Equal(SpoolState.Empty, spool.Status().State);
    }

    [Fact]
    public void Open_AfterReplayWentPastACorruptRecord_ResumesWhereItStood()
    {
        using (var before = _dir.Open())
        {
            for (var i = 0; i < 5; i++)
            {
                before.TryAppend(SpoolDirectory.Batch(i), 3);
            }

            var segment = Assert.Single(_dir.Segments());
            FlipByte(segment, RecordsOf(segment)[1].Start + HeaderSize + 2);
            Assert.Equal(Texts(0, 2), Take(before, 2));
        }

        using var after = _dir.Open();

        Assert.Equal(2, after.Status().Records);
        Assert.Equal(Texts(3, 4), SpoolDirectory.Drain(after));
    }

    [Fact]
    public void Open_CursorOnACorruptRecord_ResumesWithTheNextIntactOne()
    {
        using (var before = _dir.Open())
        {
            for (var i = 0; i < 4; i++)
            {
                before.TryAppend(SpoolDirectory.Batch(i), 3);
            }

            Assert.Equal(Texts(0), Take(before, 1)); // the cursor now points at record 1
        }

        var segment = Assert.Single(_dir.Segments());
        FlipByte(segment, RecordsOf(segment)[1].Start + HeaderSize + 2);

        using var after = _dir.Open();

        Assert.Equal(Texts(2, 3), SpoolDirectory.Drain(after));
    }

    [Fact]
    public void Open_RandomlyFlippedBytes_ReplaysEveryIntactRecordExactlyOnceInOrder() =>
        FlipProperty.Sample(
            (records, segmentBytes, flips) => CheckFlips(records, segmentBytes, flips, reopen: true),
            iter: 300);

    [Fact]
    public void Peek_RandomlyFlippedBytes_ReplaysEveryIntactRecordExactlyOnceInOrder() =>
        FlipProperty.Sample(
            (records, segmentBytes, flips) => CheckFlips(records, segmentBytes, flips, reopen: false),
            iter: 300);

    /// <summary>N records (one segment, or several), and 1–6 bytes to change: where (a share of all bytes) and how (XOR, never 0).</summary>
    private static readonly Gen<(int, long, (double, byte)[])> FlipProperty = Gen.Select(
        Gen.Int[1, 24],
        Gen.OneOfConst(1L << 20, 700L),
        Gen.Select(Gen.Double[0, 0.999999], Gen.Byte[1, 255]).Array[1, 6]);

    private static void CheckFlips(int count, long segmentBytes, (double Share, byte Xor)[] flips, bool reopen)
    {
        using var dir = new SpoolDirectory();
        var options = new SpoolOptions { SegmentBytes = segmentBytes };
        var spool = dir.Open(options);
        try
        {
            var batches = new List<string>();
            for (var i = 0; i < count; i++)
            {
                var batch = SpoolDirectory.Batch(i, 1 + (i % 4));
                Assert.True(spool.TryAppend(batch, 1 + (i % 4)));
                batches.Add(Encoding.UTF8.GetString(batch));
            }

            var layout = dir.Segments().SelectMany(path => RecordsOf(path).Select(r => (Path: path, r.Start, r.End))).ToList();
            Assert.Equal(count, layout.Count);
            var total = layout.Sum(r => r.End - r.Start);
            var changes = new Dictionary<(int Record, long At), byte>(); // two flips of one byte may cancel out
            foreach (var (share, xor) in flips)
            {
                var at = (long)(share * total);
                var index = 0;
                while (at >= layout[index].End - layout[index].Start)
                {
                    at -= layout[index].End - layout[index].Start;
                    index++;
                }

                changes[(index, at)] = (byte)(changes.GetValueOrDefault((index, at)) ^ xor);
            }

            var damaged = new HashSet<int>();
            foreach (var ((index, at), xor) in changes.Where(c => c.Value != 0))
            {
                FlipByte(layout[index].Path, layout[index].Start + at, xor);
                damaged.Add(index);
            }

            if (reopen)
            {
                spool.Dispose();
                spool = dir.Open(options);
            }

            var replayed = SpoolDirectory.Drain(spool);

            Assert.Equal(Enumerable.Range(0, count).Where(i => !damaged.Contains(i)).Select(i => batches[i]), replayed);
            Assert.Equal(0, spool.Status().Records);
            Assert.Null(spool.Peek());
        }
        finally
        {
            spool.Dispose();
        }
    }

    private static List<(long Start, long End)> RecordsOf(string segment)
    {
        var records = new List<(long, long)>();
        using var stream = File.OpenRead(segment);
        while (SpoolRecordFormat.TryRead(stream, stream.Length) is { } record)
        {
            var start = records.Count == 0 ? 0 : records[^1].Item2;
            records.Add((start, start + record.Size));
            stream.Position = start + record.Size;
        }

        return records;
    }

    private static void Append(SpoolDirectory dir, SpoolOptions options, int count)
    {
        using var spool = dir.Open(options);
        for (var i = 0; i < count; i++)
        {
            Assert.True(spool.TryAppend(SpoolDirectory.Batch(i), 3));
        }
    }

    private static List<string> Take(BatchSpool spool, int count)
    {
        var taken = new List<string>();
        for (var i = 0; i < count && spool.Peek() is { } record; i++)
        {
            taken.Add(Encoding.UTF8.GetString(record.LineProtocol.Span));
            spool.Complete(record);
        }

        return taken;
    }

    private static SpoolOptions ThreeRecordsPerSegment() =>
        new() { SegmentBytes = 2 * (HeaderSize + SpoolDirectory.Batch(0).Length) + 1 };

    private static List<string> Texts(params int[] batches) => [.. batches.Select(i => Encoding.UTF8.GetString(SpoolDirectory.Batch(i)))];

    private string[] CorruptFiles() => [.. Directory.GetFiles(_dir.Path, "*.corrupt-*").Order(StringComparer.Ordinal)];

    private static void FlipByte(string path, long offset, byte xor = 0x5A)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite);
        file.Position = offset;
        var b = file.ReadByte();
        file.Position = offset;
        file.WriteByte((byte)(b ^ xor));
        file.Flush(flushToDisk: false);
    }
}
