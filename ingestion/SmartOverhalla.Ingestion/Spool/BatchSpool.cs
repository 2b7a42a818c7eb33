using Microsoft.Extensions.Logging;
using SmartOverhalla.DurableFiles;

namespace SmartOverhalla.Ingestion.Spool;

/// <summary>
/// The durable local spool: batches as line protocol, appended to segment files and fsync'd before the
/// batch's messages are acknowledged; replayed oldest first; a segment is deleted once replayed. Bounded by
/// <see cref="SpoolOptions.MaxBytes"/>, with an alarm at <see cref="SpoolOptions.AlarmFillRatio"/>. One
/// process at a time (a lock file). Thread-safe: the batch writer appends while the replayer reads.
/// </summary>
internal sealed class BatchSpool : IDisposable
{
    private const string LockFileName = "spool.lock";

    private readonly Lock _gate = new();
    private readonly SpoolOptions _options;
    private readonly ILogger _logger;
    private readonly FileStream _lock;
    private readonly List<SpoolSegment> _segments;
    private readonly SemaphoreSlim _recordsArrived = new(0, 1);
    private readonly SpoolFillAlarm _fill;
    private FileStream? _writer;
    private FileStream? _reader;
    private long _readOffset;
    private long _nextSequence;
    private long _bytes;
    private long _records;
    private long _points;
    private long _appendedBatches;
    private long _appendedPoints;
    private long _replayedBatches;
    private long _replayedPoints;

    public BatchSpool(SpoolOptions options, string directory, ILogger<BatchSpool> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrEmpty(directory);
        _options = options;
        _logger = logger;
        Directory = directory;
        _fill = new SpoolFillAlarm(options, directory, logger);
        System.IO.Directory.CreateDirectory(directory);
        try
        {
            _lock = new FileStream(Path.Combine(directory, LockFileName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException ex)
        {
            throw new InvalidOperationException($"The spool '{directory}' is in use by another ingestion process with the same client id.", ex);
        }

        var recovered = SpoolRecovery.Recover(directory, logger);
        _segments = recovered.Segments;
        _readOffset = recovered.ReadOffset;
        _nextSequence = recovered.NextSequence;
        foreach (var segment in _segments)
        {
            _bytes += segment.Length;
            _records += segment.Records;
            _points += segment.Points;
        }

        if (_records > 0)
        {
            Log.SpoolRecovered(logger, _records, _points, _bytes, directory);
        }

        _fill.Update(_bytes, _records);
    }

    public string Directory { get; }

    /// <summary>True while batches wait for replay: new batches must then be appended too, to keep their order.</summary>
    public bool HasBacklog
    {
        get
        {
            lock (_gate)
            {
                return _records > 0;
            }
        }
    }

    /// <summary>Appends one batch and syncs it to disk. False when it does not fit (the spool is full): do not acknowledge then.</summary>
    /// <exception cref="IOException">The disk refused; nothing of the batch counts as spooled.</exception>
    public bool TryAppend(ReadOnlySpan<byte> lineProtocol, int points)
    {
        if (lineProtocol.IsEmpty)
        {
            throw new ArgumentException("An empty batch is not spooled.", nameof(lineProtocol));
        }

        var size = SpoolRecordFormat.HeaderSize + lineProtocol.Length;
        Span<byte> header = stackalloc byte[SpoolRecordFormat.HeaderSize];
        SpoolRecordFormat.WriteHeader(header, lineProtocol, points);
        lock (_gate)
        {
            if (_bytes + size > _options.MaxBytes)
            {
                _fill.AppendRefused(_bytes, _records);
                return false;
            }

            if (_writer is null || _segments[^1].Length >= _options.SegmentBytes)
            {
                StartSegment();
            }

            var segment = _segments[^1];
            try
            {
                _writer!.Write(header);
                _writer.Write(lineProtocol);
                _writer.Flush(flushToDisk: true);
            }
            catch (IOException)
            {
                // Leave no partial record behind for the next append to follow.
                CloseWriterAfterFailure(segment);
                throw;
            }

            segment.Length += size;
            segment.Records++;
            segment.Points += points;
            _bytes += size;
            _records++;
            _points += points;
            _appendedBatches++;
            _appendedPoints += points;
            _fill.RoomMade();
            _fill.Update(_bytes, _records);
            if (_recordsArrived.CurrentCount == 0)
            {
                _recordsArrived.Release();
            }

            return true;
        }
    }

    /// <summary>
    /// The oldest batch not yet replayed, or null when the spool is empty. Bytes that were intact when written
    /// and recovered but are unreadable now (the disk failed under them) are copied aside and skipped; replay
    /// goes on with the next intact record.
    /// </summary>
    /// <exception cref="IOException">The disk cannot be read, or gives different bytes on each read.</exception>
    public SpoolRecord? Peek()
    {
        lock (_gate)
        {
            (long Segment, long Offset)? scanned = null;
            while (_records > 0 && _segments.Count > 0)
            {
                var segment = _segments[0];
                SkipGaps(segment);
                if (_readOffset >= segment.Length)
                {
                    RemoveOldest();
                    continue;
                }

                _reader ??= new FileStream(segment.Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 0);
                _reader.Position = _readOffset;
                if (SpoolRecordFormat.TryRead(_reader, segment.Length) is { } data)
                {
                    return new SpoolRecord(segment.Sequence, _readOffset, data);
                }

                if (scanned == (segment.Sequence, _readOffset))
                {
                    // The scan read a whole record here but the read did not: a flaky disk. The replayer logs it and tries again later.
                    throw new IOException($"Spool segment {Path.GetFileName(segment.Path)} gives different bytes at offset {_readOffset} on each read.");
                }

                scanned = (segment.Sequence, _readOffset);
                SetAsideUnreadable(segment, _reader);
            }

            return null;
        }
    }

    /// <summary>Marks the batch <see cref="Peek"/> returned as replayed; deletes its segment when it was the last one in it.</summary>
    public void Complete(SpoolRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        lock (_gate)
        {
            if (_segments.Count == 0 || _segments[0].Sequence != record.Segment || _readOffset != record.Offset)
            {
                throw new InvalidOperationException("Only the oldest spooled batch can be completed, once.");
            }

            var segment = _segments[0];
            _readOffset += record.Data.Size;
            segment.Records--;
            segment.Points -= record.Points;
            _records--;
            _points -= record.Points;
            _replayedBatches++;
            _replayedPoints += record.Points;
            SkipGaps(segment);
            if (_readOffset >= segment.Length)
            {
                RemoveOldest();
            }
            else
            {
                SpoolCursor.Write(Directory, segment.Sequence, _readOffset);
            }

            _fill.Update(_bytes, _records);
        }
    }

    /// <summary>Completes when a batch has been appended since the last call (or one is already waiting).</summary>
    public Task WaitForRecordsAsync(CancellationToken cancellationToken) => _recordsArrived.WaitAsync(cancellationToken);

    public SpoolStatus Status()
    {
        lock (_gate)
        {
            var state = _fill.IsFull ? SpoolState.Full : _fill.IsRaised ? SpoolState.Alarm : _records > 0 ? SpoolState.Holding : SpoolState.Empty;
            return new SpoolStatus(
                state, _bytes, _options.MaxBytes, _records, _points, _segments.Count, _fill.Raised,
                _appendedBatches, _appendedPoints, _replayedBatches, _replayedPoints, _fill.RefusedAppends);
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _writer?.Dispose();
            _writer = null;
            _reader?.Dispose();
            _reader = null;
            _lock.Dispose();
        }

        _recordsArrived.Dispose();
    }

    private void StartSegment()
    {
        _writer?.Dispose();
        var sequence = _nextSequence++;
        var path = Path.Combine(Directory, SpoolSegment.FileName(sequence));
        _writer = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.ReadWrite);
        _segments.Add(new SpoolSegment(sequence, path, 0, 0, 0));
        DirectorySync.Flush(Directory);
    }

    private void CloseWriterAfterFailure(SpoolSegment segment)
    {
        try
        {
            _writer!.SetLength(segment.Length);
        }
        catch (IOException)
        {
            // Recovery at the next start cuts off whatever is left after the last whole record.
        }

        _writer!.Dispose();
        _writer = null;
        if (segment.Length == 0 && _segments.Count > 0 && ReferenceEquals(_segments[^1], segment) && (_segments.Count > 1 || _readOffset == 0))
        {
            _segments.RemoveAt(_segments.Count - 1);
            TryDelete(segment.Path);
        }
    }

    private void SkipGaps(SpoolSegment segment)
    {
        // A gap ends at an intact record or at the segment's end, so one step is enough.
        if (segment.Gaps.TryGetValue(_readOffset, out var end))
        {
            _readOffset = end;
        }
    }

    /// <summary>
    /// The record at the read offset of the oldest segment is unreadable: scans the rest of the segment, copies
    /// every unreadable range to a <c>.corrupt-{offset}</c> file, remembers it as a gap, and recounts what is left.
    /// </summary>
    private void SetAsideUnreadable(SpoolSegment segment, FileStream reader)
    {
        var file = Path.GetFileName(segment.Path);
        var scan = SpoolScanner.Scan(reader, _readOffset, segment.Length);
        foreach (var gap in scan.Gaps)
        {
            var aside = SpoolScanner.SetAside(reader, segment.Path, gap.Offset, gap.End);
            Log.SpoolResynchronised(_logger, file, gap.Offset, gap.End, gap.Length, aside);
            segment.Gaps[gap.Offset] = gap.End;
        }

        if (scan.End < segment.Length)
        {
            // Nothing intact after it in this segment. The file keeps its bytes (the writer may still append
            // after them); replay jumps over them.
            var aside = SpoolScanner.SetAside(reader, segment.Path, scan.End, segment.Length);
            Log.SpoolCorrupt(_logger, file, scan.End, segment.Length - scan.End, aside);
            segment.Gaps[scan.End] = segment.Length;
        }

        var lostRecords = segment.Records - scan.Records;
        var lostPoints = segment.Points - scan.Points;
        segment.Records = scan.Records;
        segment.Points = scan.Points;
        _records -= lostRecords;
        _points -= lostPoints;
        _fill.Update(_bytes, _records);
    }

    private void RemoveOldest()
    {
        var segment = _segments[0];
        _reader?.Dispose();
        _reader = null;
        if (_segments.Count == 1 && _writer is not null)
        {
            _writer.Dispose();
            _writer = null;
        }

        _segments.RemoveAt(0);
        _bytes -= segment.Length;
        _records -= segment.Records;
        _points -= segment.Points;
        _readOffset = 0;
        _fill.RoomMade();
        TryDelete(segment.Path);
    }

    private void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException ex)
        {
            Log.SpoolDeleteFailed(_logger, path, ex.Message);
        }
    }
}
