using System.Threading.Channels;
using Microsoft.Extensions.Options;
using Polly;
using SmartOverhalla.Influx;

namespace SmartOverhalla.Gateway.Audit;

/// <summary>
/// The durable audit log: <see cref="RecordAsync"/> only puts the entry into a bounded buffer (it never waits, so a
/// 10,000-light step is not slowed); one loop takes batches, writes each entry's structured log line, and stores
/// the batch in InfluxDB (<see cref="AuditPoint"/>), retrying transient failures with exponential back-off and
/// jitter until it succeeds or the gateway stops (<see cref="AuditWritePipeline"/>, injected by name). While it
/// retries, new entries wait in the buffer; when the buffer is full, an entry is logged at Warning level at once and
/// counted as not stored in InfluxDB.
/// </summary>
internal sealed partial class InfluxAuditLog : BackgroundService, IAuditLog
{
    private readonly Channel<AuditEntry> _buffer;
    private readonly IInfluxWriter _writer;
    private readonly AuditOptions _options;
    private readonly ILogger<InfluxAuditLog> _logger;
    private readonly ResiliencePipeline _retry;
    private long _lastTimestampNs;
    private long _dropped;
    private long _stored;

    public InfluxAuditLog(
        IInfluxWriter writer,
        IOptions<AuditOptions> options,
        [FromKeyedServices(AuditWritePipeline.Key)] ResiliencePipeline retry,
        ILogger<InfluxAuditLog> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _writer = writer;
        _retry = retry;
        _logger = logger;
        _buffer = Channel.CreateBounded<AuditEntry>(new BoundedChannelOptions(_options.BufferCapacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
    }

    /// <summary>Entries stored in InfluxDB since start.</summary>
    public long Stored => Interlocked.Read(ref _stored);

    /// <summary>Entries not stored in InfluxDB (buffer full, or refused by InfluxDB); each was logged.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    public ValueTask RecordAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (!_buffer.Writer.TryWrite(entry))
        {
            Interlocked.Increment(ref _dropped);
            LogBufferFull(_logger, _options.BufferCapacity, entry.Actor, entry.Action, entry.Target, entry.Details, entry.At);
        }

        return ValueTask.CompletedTask;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        try
        {
            while (await _buffer.Reader.WaitToReadAsync(stoppingToken))
            {
                await StoreAsync(Drain(), retry: true, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: what is left gets one attempt below.
        }
        finally
        {
            _buffer.Writer.TryComplete();
            for (var batch = Drain(); batch.Count > 0; batch = Drain())
            {
                await StoreAsync(batch, retry: false, CancellationToken.None);
            }
        }
    }

    private List<(AuditEntry Entry, long TimestampNs)> Drain()
    {
        var batch = new List<(AuditEntry, long)>();
        while (batch.Count < _options.BatchSize && _buffer.Reader.TryRead(out var entry))
        {
            // Strictly increasing timestamps: two entries of one actor and action in the same 100 ns tick
            // would otherwise be one point in InfluxDB.
            var ns = Math.Max((entry.At.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) * 100, _lastTimestampNs + 1);
            _lastTimestampNs = ns;
            batch.Add((entry, ns));
            Log(entry);
        }

        return batch;
    }

    private void Log(AuditEntry entry)
    {
        if (entry.Action.StartsWith(AuditActions.CommandPrefix, StringComparison.Ordinal))
        {
            LogCommand(_logger, entry.Actor, entry.Action, entry.Target, entry.Details, entry.At);
        }
        else
        {
            LogEntry(_logger, entry.Actor, entry.Action, entry.Target, entry.Details, entry.At);
        }
    }

    private async Task StoreAsync(List<(AuditEntry Entry, long TimestampNs)> batch, bool retry, CancellationToken cancellationToken)
    {
        if (batch.Count == 0)
        {
            return;
        }

        var points = new List<PointData>(batch.Count);
        foreach (var (entry, timestampNs) in batch)
        {
            try
            {
                points.Add(AuditPoint.From(entry, timestampNs));
            }
            catch (ArgumentException ex)
            {
                // Text InfluxDB cannot hold (e.g. an unpaired surrogate): the log line above is all there is.
                Interlocked.Increment(ref _dropped);
                LogUnstorable(_logger, entry.Actor, entry.Action, ex.Message);
            }
        }

        try
        {
            if (retry)
            {
                await _retry.ExecuteAsync(async token => await _writer.WriteAsync(points, token), cancellationToken);
            }
            else
            {
                await _writer.WriteAsync(points, cancellationToken);
            }

            Interlocked.Add(ref _stored, points.Count);
        }
        catch (InfluxException ex)
        {
            Interlocked.Add(ref _dropped, points.Count);
            LogStoreFailed(_logger, points.Count, ex.Message);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping while retrying: one last attempt without retries.
            await StoreAsync(batch, retry: false, CancellationToken.None);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Whatever else fails, the loop goes on: the audit log must never stop the gateway.
            Interlocked.Add(ref _dropped, points.Count);
            LogStoreFailed(_logger, points.Count, ex.Message);
        }
    }

    [LoggerMessage(EventId = 9000, Level = LogLevel.Information, Message = "Audit: {Actor} {Action} {Target} ({Details}) at {At:O}")]
    private static partial void LogEntry(ILogger logger, string actor, string action, string target, string? details, DateTimeOffset at);

    [LoggerMessage(EventId = 9001, Level = LogLevel.Debug, Message = "Audit: {Actor} {Action} {Target} ({Details}) at {At:O}")]
    private static partial void LogCommand(ILogger logger, string actor, string action, string target, string? details, DateTimeOffset at);

    [LoggerMessage(EventId = 9002, Level = LogLevel.Warning, Message = "Audit buffer full ({Capacity}); not stored in InfluxDB: {Actor} {Action} {Target} ({Details}) at {At:O}")]
    private static partial void LogBufferFull(ILogger logger, int capacity, string actor, string action, string target, string? details, DateTimeOffset at);

    [LoggerMessage(EventId = 9005, Level = LogLevel.Error, Message = "An audit entry of {Actor} {Action} cannot be stored in InfluxDB ({Reason}); it is in this log")]
    private static partial void LogUnstorable(ILogger logger, string actor, string action, string reason);

    [LoggerMessage(EventId = 9004, Level = LogLevel.Error, Message = "{Count} audit entries were not stored in InfluxDB: {Reason}; they are in this log")]
    private static partial void LogStoreFailed(ILogger logger, int count, string reason);
}
