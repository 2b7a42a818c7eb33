using System.Buffers;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using MQTTnet.Channel;

namespace SmartOverhalla.Mqtt;

/// <summary>
/// An MQTT connection's byte stream with far fewer system calls than MQTTnet's own, for clients that receive many
/// messages and acknowledge them one by one (the ingestion worker):
/// <list type="bullet">
/// <item>reads fill a 64 KiB buffer, and MQTTnet's small reads (a fixed header, a length, a body) are served from it;</item>
/// <item>writes are gathered: a packet is copied to a pending buffer and written to the socket by one flush that a
/// thread-pool item runs as soon as it can, so the PUBACKs of a stored batch leave in a few large writes instead of one
/// write each.</item>
/// </list>
/// A packet still pending when the process dies, or when the socket breaks, is lost as any unsent packet is: for a
/// PUBACK the broker delivers the message again (at least once), and the client's other packets are sent again after
/// its reconnect. A failed flush fails every later write, and the read side sees the broken connection.
/// </summary>
public sealed class CoalescingMqttChannel : IMqttChannel
{
    private const int ReadBufferSize = 64 * 1024;

    /// <summary>Pending bytes above which a writer waits for the flush (back-pressure when the socket is slow).</summary>
    private const int MaxPendingBytes = 256 * 1024;

    private readonly IMqttChannel _inner;
    private readonly byte[] _read = new byte[ReadBufferSize];
    private readonly Lock _gate = new();
    private ArrayBufferWriter<byte> _pending = new(4096);
    private ArrayBufferWriter<byte> _flushing = new(4096);
    private Task _flush = Task.CompletedTask;
    private bool _flushScheduled;
    private Exception? _failure;
    private int _readStart;
    private int _readEnd;

    public CoalescingMqttChannel(IMqttChannel inner)
    {
        _inner = inner ?? throw new ArgumentNullException(nameof(inner));
    }

    public X509Certificate2 ClientCertificate => _inner.ClientCertificate;

    public EndPoint RemoteEndPoint => _inner.RemoteEndPoint;

    public EndPoint LocalEndPoint => _inner.LocalEndPoint;

    public bool IsSecureConnection => _inner.IsSecureConnection;

    public Task ConnectAsync(CancellationToken cancellationToken) => _inner.ConnectAsync(cancellationToken);

    public async Task DisconnectAsync(CancellationToken cancellationToken)
    {
        // What was written before the disconnect (a DISCONNECT packet, last PUBACKs) goes out first.
        await FlushPendingAsync(cancellationToken);
        await _inner.DisconnectAsync(cancellationToken);
    }

    public async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        if (_readStart == _readEnd)
        {
            if (count >= ReadBufferSize)
            {
                return await _inner.ReadAsync(buffer, offset, count, cancellationToken);
            }

            var read = await _inner.ReadAsync(_read, 0, ReadBufferSize, cancellationToken);
            if (read <= 0)
            {
                return read;
            }

            _readStart = 0;
            _readEnd = read;
        }

        var taken = Math.Min(count, _readEnd - _readStart);
        Buffer.BlockCopy(_read, _readStart, buffer, offset, taken);
        _readStart += taken;
        return taken;
    }

    public Task WriteAsync(ReadOnlySequence<byte> buffer, bool isEndOfPacket, CancellationToken cancellationToken)
    {
        Task? wait = null;
        lock (_gate)
        {
            if (_failure is { } failure)
            {
                return Task.FromException(new IOException("An earlier write on this MQTT connection failed.", failure));
            }

            foreach (var segment in buffer)
            {
                _pending.Write(segment.Span);
            }

            if (!_flushScheduled)
            {
                _flushScheduled = true;
                _flush = Task.Run(FlushLoopAsync, CancellationToken.None);
            }

            if (_pending.WrittenCount > MaxPendingBytes)
            {
                wait = _flush;
            }
        }

        return wait?.WaitAsync(cancellationToken) ?? Task.CompletedTask;
    }

    public void Dispose()
    {
        _inner.Dispose();
    }

    private async Task FlushPendingAsync(CancellationToken cancellationToken)
    {
        Task flush;
        lock (_gate)
        {
            flush = _flush;
        }

        try
        {
            await flush.WaitAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or OperationCanceledException)
        {
            // Cannot happen (the flush loop keeps its failure), but a disconnect must go on regardless.
        }
    }

    /// <summary>Writes whatever is pending, again and again, until nothing is; then the next write schedules a new flush.</summary>
    private async Task FlushLoopAsync()
    {
        while (true)
        {
            lock (_gate)
            {
                if (_pending.WrittenCount == 0)
                {
                    _flushScheduled = false;
                    return;
                }

                (_pending, _flushing) = (_flushing, _pending);
            }

            try
            {
                await _inner.WriteAsync(new ReadOnlySequence<byte>(_flushing.WrittenMemory), true, CancellationToken.None);
                _flushing.ResetWrittenCount();
            }
            catch (Exception ex)
            {
                lock (_gate)
                {
                    _failure = ex;
                    _flushScheduled = false;
                    _pending.ResetWrittenCount();
                    _flushing.ResetWrittenCount();
                }

                return; // The next write reports it; the reader sees the broken connection.
            }
        }
    }
}
