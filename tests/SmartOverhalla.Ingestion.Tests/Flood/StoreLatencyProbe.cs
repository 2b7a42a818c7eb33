using System.Collections.Concurrent;
using SmartOverhalla.Testing;

namespace SmartOverhalla.Ingestion.Tests.Flood;

/// <summary>
/// Measures end-to-end latency from a device's publish to its point being readable in InfluxDB: the test records
/// when it sent each (device, ts); this probe polls InfluxDB every <see cref="PollInterval"/> and notes when each
/// point first appears. Resolution: the poll interval plus one query.
/// </summary>
internal sealed class StoreLatencyProbe(InfluxTestClient influx, string deviceRegex) : IAsyncDisposable
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(25);

    private readonly ConcurrentDictionary<(string Device, DateTimeOffset Ts), long> _sent = new();
    private readonly ConcurrentDictionary<(string Device, DateTimeOffset Ts), TimeSpan> _stored = new();
    private readonly CancellationTokenSource _stop = new();
    private Task? _loop;

    public IReadOnlyDictionary<(string Device, DateTimeOffset Ts), TimeSpan> Stored => _stored;

    public void Sent(string device, DateTimeOffset ts) => _sent[(device, ts)] = TimeProvider.System.GetTimestamp();

    public void Start(DateTimeOffset since) => _loop = Task.Run(() => PollAsync(since, _stop.Token));

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_loop is not null)
        {
            await _loop;
        }

        _stop.Dispose();
    }

    private async Task PollAsync(DateTimeOffset since, CancellationToken ct)
    {
        var query = $"SELECT dimLevel, device FROM streetlight WHERE device =~ /{deviceRegex}/ AND time >= '{since.UtcDateTime:yyyy-MM-ddTHH:mm:ss}Z'";
        while (!ct.IsCancellationRequested)
        {
            try
            {
                foreach (var (series, row) in await influx.RowsAsync(query, ct))
                {
                    var key = (series.GetString(row, "device")!, series.GetTime(row));
                    if (!_stored.ContainsKey(key) && _sent.TryGetValue(key, out var sentAt))
                    {
                        _stored[key] = TimeProvider.System.GetElapsedTime(sentAt);
                    }
                }

                await Task.Delay(PollInterval, ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is HttpRequestException or SmartOverhalla.Influx.InfluxException)
            {
                // A failed poll only costs resolution; the next one tries again.
            }
        }
    }
}
