using System.Text;
using SmartOverhalla.Ingestion.Spool;

namespace SmartOverhalla.Ingestion.Tests.Spool;

public sealed class BatchSpoolTests : IDisposable
{
    private readonly SpoolDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Peek_AfterAppends_HandsOutBatchesOldestFirst()
    {
        using var spool = _dir.Open();
        for (var i = 0; i < 5; i++)
        {
            Assert.True(spool.TryAppend(SpoolDirectory.Batch(i), 3));
        }

        var replayed = SpoolDirectory.Drain(spool);

        Assert.Equal(Enumerable.Range(0, 5).Select(i => Encoding.UTF8.GetString(SpoolDirectory.Batch(i))), replayed);
        Assert.Equal(SpoolState.Empty, spool.Status().State);
    }

    [Fact]
    public void Open_AfterRestart_ReplaysWhatWasAppendedBefore()
    {
        using (var before = _dir.Open())
        {
            Assert.True(before.TryAppend(SpoolDirectory.Batch(1), 3));
            Assert.True(before.TryAppend(SpoolDirectory.Batch(2), 3));
        }

        using var after = _dir.Open();
        var status = after.Status();

        Assert.Equal((2L, 6L, SpoolState.Holding), (status.Records, status.Points, status.State));
        Assert.True(after.HasBacklog);
        Assert.Equal([Encoding.UTF8.GetString(SpoolDirectory.Batch(1)), Encoding.UTF8.GetString(SpoolDirectory.Batch(2))], SpoolDirectory.Drain(after));
    }

    [Fact]
    public void Open_AfterPartialReplay_ResumesAfterTheCompletedBatches()
    {
        using (var before = _dir.Open())
        {
            for (var i = 0; i < 4; i++)
            {
                before.TryAppend(SpoolDirectory.Batch(i), 3);
            }

            before.Complete(before.Peek()!);
            before.Complete(before.Peek()!);
        }

        using var after = _dir.Open();

        Assert.Equal(2, after.Status().Records);
        Assert.Equal([Encoding.UTF8.GetString(SpoolDirectory.Batch(2)), Encoding.UTF8.GetString(SpoolDirectory.Batch(3))], SpoolDirectory.Drain(after));
    }

    [Fact]
    public void Open_TornTail_CutsOffOnlyTheIncompleteRecordAndWarns()
    {
        using (var before = _dir.Open())
        {
            for (var i = 0; i < 3; i++)
            {
                before.TryAppend(SpoolDirectory.Batch(i), 3);
            }
        }

        var segment = Assert.Single(_dir.Segments());
        var whole = new FileInfo(segment).Length;
        using (var file = new FileStream(segment, FileMode.Open))
        {
            file.SetLength(whole - 7); // A crash in the middle of the third append.
        }

        using var after = _dir.Open();

        Assert.Equal(2, after.Status().Records);
        Assert.Equal(whole - (16 + SpoolDirectory.Batch(2).Length), new FileInfo(segment).Length);
        Assert.Contains(_dir.Logs.Entries, e => e.Message.Contains("torn record", StringComparison.Ordinal));
        Assert.Equal(2, SpoolDirectory.Drain(after).Count);
    }

    [Fact]
    public void Open_ZeroFilledTail_IsNotTakenForARecord()
    {
        using (var before = _dir.Open())
        {
            before.TryAppend(SpoolDirectory.Batch(1), 3);
        }

        var segment = Assert.Single(_dir.Segments());
        using (var file = new FileStream(segment, FileMode.Append))
        {
            file.Write(new byte[4096]); // Some file systems leave zeros after a crash where data was not yet written.
        }

        using var after = _dir.Open();

        Assert.Equal(1, after.Status().Records);
        Assert.Single(SpoolDirectory.Drain(after));
    }

    [Fact]
    public void Open_CrcMismatchInTheLastRecord_DropsThatRecord()
    {
        using (var before = _dir.Open())
        {
            before.TryAppend(SpoolDirectory.Batch(1), 3);
            before.TryAppend(SpoolDirectory.Batch(2), 3);
        }

        var segment = Assert.Single(_dir.Segments());
        FlipByte(segment, new FileInfo(segment).Length - 10);

        using var after = _dir.Open();

        Assert.Equal([Encoding.UTF8.GetString(SpoolDirectory.Batch(1))], SpoolDirectory.Drain(after));
    }

    [Fact]
    public void Open_CorruptRecordInAnOlderSegment_SetsTheRestAsideAndKeepsTheOtherSegments()
    {
        var options = new SpoolOptions { SegmentBytes = 1 }; // One record per segment file.
        using (var before = _dir.Open(options))
        {
            for (var i = 0; i < 3; i++)
            {
                before.TryAppend(SpoolDirectory.Batch(i), 3);
            }
        }

        var segments = _dir.Segments();
        Assert.Equal(3, segments.Length);
        FlipByte(segments[1], 20);

        using var after = _dir.Open(options);

        Assert.Equal([Encoding.UTF8.GetString(SpoolDirectory.Batch(0)), Encoding.UTF8.GetString(SpoolDirectory.Batch(2))], SpoolDirectory.Drain(after));
        Assert.Single(Directory.GetFiles(_dir.Path, "*.corrupt-*"));
        Assert.Contains(_dir.Logs.Errors, e => e.Message.Contains("unreadable", StringComparison.Ordinal));
    }

    [Fact]
    public void Complete_LastBatch_DeletesEveryReplayedSegment()
    {
        using var spool = _dir.Open(new SpoolOptions { SegmentBytes = 1 });
        for (var i = 0; i < 3; i++)
        {
            spool.TryAppend(SpoolDirectory.Batch(i), 3);
        }

        Assert.Equal(3, _dir.Segments().Length);

        SpoolDirectory.Drain(spool);

        Assert.Empty(_dir.Segments());
        Assert.Equal(0, spool.Status().Bytes);
        Assert.True(spool.TryAppend(SpoolDirectory.Batch(9), 3)); // and a new segment is begun
        Assert.Single(_dir.Segments());
    }

    [Fact]
    public void TryAppend_BeyondMaxBytes_IsRefusedAsFullUntilReplayMakesRoom()
    {
        var record = 16 + SpoolDirectory.Batch(0).Length;
        using var spool = _dir.Open(new SpoolOptions { MaxBytes = 3 * record, SegmentBytes = record, AlarmFillRatio = 0.99 });
        for (var i = 0; i < 3; i++)
        {
            Assert.True(spool.TryAppend(SpoolDirectory.Batch(i), 3));
        }

        Assert.False(spool.TryAppend(SpoolDirectory.Batch(3), 3));
        var full = spool.Status();
        Assert.Equal((SpoolState.Full, 3L, 1L), (full.State, full.Records, full.RefusedAppends));
        Assert.Contains(_dir.Logs.Errors, e => e.Message.Contains("is full", StringComparison.Ordinal));

        spool.Complete(spool.Peek()!);

        Assert.True(spool.TryAppend(SpoolDirectory.Batch(3), 3));
        Assert.Equal(new[] { 1, 2, 3 }.Select(i => Encoding.UTF8.GetString(SpoolDirectory.Batch(i))), SpoolDirectory.Drain(spool));
    }

    [Fact]
    public void TryAppend_ABatchThatJumpsFromBelowTheAlarmLevelToFull_RaisesTheAlarmBeforeReportingFull()
    {
        var small = 16 + SpoolDirectory.Batch(0).Length;
        using var spool = _dir.Open(new SpoolOptions { MaxBytes = 10 * small, SegmentBytes = 10 * small, AlarmFillRatio = 0.8 });
        for (var i = 0; i < 7; i++)
        {
            Assert.True(spool.TryAppend(SpoolDirectory.Batch(i), 3)); // 70 %: below the alarm level
        }

        Assert.Equal((SpoolState.Holding, 0L), (spool.Status().State, spool.Status().Alarms));
        var big = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(Encoding.UTF8.GetString(SpoolDirectory.Batch(7)), 4)));

        Assert.False(spool.TryAppend(big, 12)); // would need 4 records' room; 3 are left

        Assert.Equal((SpoolState.Full, 1L), (spool.Status().State, spool.Status().Alarms));
        var messages = _dir.Logs.Entries.Select(e => e.Message).ToList();
        var alarm = messages.FindIndex(m => m.StartsWith("Spool alarm:", StringComparison.Ordinal));
        var full = messages.FindIndex(m => m.Contains(" is full (", StringComparison.Ordinal));
        Assert.InRange(alarm, 0, full - 1);
    }

    [Fact]
    public void TryAppend_PastTheAlarmLevel_RaisesTheAlarmOnceAndClearsItBelow()
    {
        var record = 16 + SpoolDirectory.Batch(0).Length;
        using var spool = _dir.Open(new SpoolOptions { MaxBytes = 10 * record, SegmentBytes = record, AlarmFillRatio = 0.5 });
        for (var i = 0; i < 4; i++)
        {
            spool.TryAppend(SpoolDirectory.Batch(i), 3);
        }

        Assert.Equal((SpoolState.Holding, 0L), (spool.Status().State, spool.Status().Alarms));

        spool.TryAppend(SpoolDirectory.Batch(4), 3);
        spool.TryAppend(SpoolDirectory.Batch(5), 3);

        Assert.Equal((SpoolState.Alarm, 1L), (spool.Status().State, spool.Status().Alarms));
        Assert.Single(_dir.Logs.Entries, e => e.Message.StartsWith("Spool alarm: 50 % full", StringComparison.Ordinal));

        spool.Complete(spool.Peek()!);

        Assert.Equal(SpoolState.Alarm, spool.Status().State); // 5 of 10 records: still at the level

        spool.Complete(spool.Peek()!);

        Assert.Equal((SpoolState.Holding, 1L), (spool.Status().State, spool.Status().Alarms));
        Assert.Contains(_dir.Logs.Entries, e => e.Message.StartsWith("Spool alarm cleared", StringComparison.Ordinal));
    }

    [Fact]
    public void Open_WhileAnotherSpoolHoldsTheDirectory_IsRefused()
    {
        using var first = _dir.Open();

        var ex = Assert.Throws<InvalidOperationException>(() => _dir.Open());

        Assert.Contains("in use", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Complete_NotTheOldestBatch_Throws()
    {
        using var spool = _dir.Open();
        spool.TryAppend(SpoolDirectory.Batch(1), 3);
        var record = spool.Peek()!;
        spool.Complete(record);

        Assert.Throws<InvalidOperationException>(() => spool.Complete(record));
    }

    [Fact]
    public void AppendsAndReplaysInterleaved_AcrossRestarts_KeepTheOrderAndLoseNothing()
    {
        var random = new Random(20261206);
        var options = new SpoolOptions { SegmentBytes = 600 };
        var appended = new List<string>();
        var replayed = new List<string>();
        var spool = _dir.Open(options);
        try
        {
            for (var step = 0; step < 400; step++)
            {
                var action = random.Next(10);
                if (action < 5)
                {
                    var batch = SpoolDirectory.Batch(step, 1 + random.Next(4));
                    Assert.True(spool.TryAppend(batch, 1));
                    appended.Add(Encoding.UTF8.GetString(batch));
                }
                else if (action < 9 && spool.Peek() is { } record)
                {
                    replayed.Add(Encoding.UTF8.GetString(record.LineProtocol.Span));
                    spool.Complete(record);
                }
                else if (action == 9)
                {
                    spool.Dispose();
                    spool = _dir.Open(options);
                }
            }

            replayed.AddRange(SpoolDirectory.Drain(spool));
        }
        finally
        {
            spool.Dispose();
        }

        Assert.Equal(appended, replayed);
        Assert.Empty(_dir.Segments());
    }

    private static void FlipByte(string path, long offset)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.ReadWrite);
        file.Position = offset;
        var b = file.ReadByte();
        file.Position = offset;
        file.WriteByte((byte)(b ^ 0x5A));
    }
}
