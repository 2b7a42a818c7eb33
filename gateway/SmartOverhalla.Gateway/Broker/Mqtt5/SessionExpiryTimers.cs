namespace SmartOverhalla.Gateway.Broker.Mqtt5;

/// <summary>
/// Session Expiry Interval (MQTT 5.0 §3.1.2.11.2) above 0: the session of a disconnected client ends when the interval
/// has passed, unless the client connects again before. MQTTnet 5.2 ends sessions with interval 0 itself but keeps
/// every other one for ever. One timer per disconnected session; <see cref="ConnectingAsync"/> and an expiry never run
/// at the same time, so a client that connects just then either resumes its session or finds none, never loses a new one.
/// </summary>
internal sealed class SessionExpiryTimers(TimeProvider timeProvider) : IDisposable
{
    /// <summary>Longest single timer; a longer interval is waited out in several.</summary>
    private static readonly TimeSpan MaxTimer = TimeSpan.FromDays(30);

    private readonly Lock _gate = new();
    private readonly Dictionary<string, Pending> _pending = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _expiring = new(1, 1);
    private Func<string, Task>? _expire;

    /// <summary>Sessions waiting to expire now.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _pending.Count;
            }
        }
    }

    /// <summary>What ends an expired session (delete it, send its will); called with no other expiry or connect running.</summary>
    public void OnExpired(Func<string, Task> expire) => _expire = expire;

    /// <summary>A client is connecting: its session must not expire from now on. Waits for an expiry that is running.</summary>
    public async Task ConnectingAsync(string clientId, CancellationToken cancellationToken)
    {
        await _expiring.WaitAsync(cancellationToken);
        try
        {
            lock (_gate)
            {
                if (_pending.Remove(clientId, out var pending))
                {
                    pending.Timer.Dispose();
                }
            }
        }
        finally
        {
            _expiring.Release();
        }
    }

    /// <summary>The client's connection closed and its session stays for <paramref name="interval"/>.</summary>
    public void Disconnected(string clientId, TimeSpan interval)
    {
        var pending = new Pending(clientId, timeProvider.GetUtcNow() + interval);
        lock (_gate)
        {
            if (_pending.Remove(clientId, out var earlier))
            {
                earlier.Timer.Dispose();
            }

            pending.Timer = timeProvider.CreateTimer(_ => _ = FireAsync(pending), null, Min(interval, MaxTimer), Timeout.InfiniteTimeSpan);
            _pending[clientId] = pending;
        }
    }

    /// <summary>The session ended otherwise (deleted): its timer goes.</summary>
    public void Cancel(string clientId)
    {
        lock (_gate)
        {
            if (_pending.Remove(clientId, out var pending))
            {
                pending.Timer.Dispose();
            }
        }
    }

    /// <summary>Forgets every waiting session (the broker stopped: its sessions are gone).</summary>
    public void Clear()
    {
        lock (_gate)
        {
            foreach (var pending in _pending.Values)
            {
                pending.Timer.Dispose();
            }

            _pending.Clear();
        }
    }

    public void Dispose()
    {
        Clear();
        _expiring.Dispose();
    }

    private async Task FireAsync(Pending pending)
    {
        try
        {
            await _expiring.WaitAsync();
        }
        catch (ObjectDisposedException)
        {
            return;
        }

        try
        {
            lock (_gate)
            {
                if (!_pending.TryGetValue(pending.ClientId, out var current) || !ReferenceEquals(current, pending))
                {
                    return;
                }

                var left = pending.Due - timeProvider.GetUtcNow();
                if (left > TimeSpan.Zero)
                {
                    pending.Timer.Dispose();
                    pending.Timer = timeProvider.CreateTimer(_ => _ = FireAsync(pending), null, Min(left, MaxTimer), Timeout.InfiniteTimeSpan);
                    return;
                }

                _pending.Remove(pending.ClientId);
                pending.Timer.Dispose();
            }

            if (_expire is { } expire)
            {
                await expire(pending.ClientId);
            }
        }
        finally
        {
            try
            {
                _expiring.Release();
            }
            catch (ObjectDisposedException)
            {
                // Disposed with the broker while this expiry ran.
            }
        }
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private sealed class Pending(string clientId, DateTimeOffset due)
    {
        public string ClientId { get; } = clientId;

        public DateTimeOffset Due { get; } = due;

        public ITimer Timer { get; set; } = null!;
    }
}
