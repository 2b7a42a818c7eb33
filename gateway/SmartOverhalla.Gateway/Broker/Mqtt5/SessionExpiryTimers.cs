namespace SmartOverhalla.Gateway.Broker.Mqtt5;

/// <summary>
/// Session Expiry Interval (MQTT 5.0 §3.1.2.11.2) above 0: the session of a disconnected client ends when the interval
/// has passed, unless the client connects again before. MQTTnet 5.2 ends sessions with interval 0 itself but keeps
/// every other one for ever. One timer per disconnected session; <see cref="ConnectingAsync"/> and an expiry never run
/// at the same time, so a client that connects just then either resumes its session or finds none, never loses a new one.
/// </summary>
internal sealed class SessionExpiryTimers : IDisposable
{
    private readonly ClientTimers<string> _timers;
    private readonly Lock _gate = new();

    // Client ids whose timer fired and whose expiry waits for a connect that is running; a connect takes them off.
    private readonly HashSet<string> _due = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _expiring = new(1, 1);
    private Func<string, Task>? _expire;

    public SessionExpiryTimers(TimeProvider timeProvider) => _timers = new ClientTimers<string>(timeProvider, (clientId, ignored) => _ = ExpireAsync(clientId));

    /// <summary>Sessions waiting to expire now.</summary>
    public int Count => _timers.Count;

    /// <summary>What ends an expired session (delete it, send its will); called with no other expiry or connect running.</summary>
    public void OnExpired(Func<string, Task> expire) => _expire = expire;

    /// <summary>A client is connecting: its session must not expire from now on. Waits for an expiry that is running.</summary>
    public async Task ConnectingAsync(string clientId, CancellationToken cancellationToken)
    {
        await _expiring.WaitAsync(cancellationToken);
        try
        {
            Cancel(clientId);
        }
        finally
        {
            _expiring.Release();
        }
    }

    /// <summary>The client's connection closed and its session stays for <paramref name="interval"/>.</summary>
    public void Disconnected(string clientId, TimeSpan interval) => _timers.Set(clientId, interval, clientId);

    /// <summary>The session ended otherwise (deleted): its timer goes.</summary>
    public void Cancel(string clientId)
    {
        _timers.Cancel(clientId);
        lock (_gate)
        {
            _due.Remove(clientId);
        }
    }

    /// <summary>Forgets every waiting session (the broker stopped: its sessions are gone).</summary>
    public void Clear()
    {
        _timers.Clear();
        lock (_gate)
        {
            _due.Clear();
        }
    }

    public void Dispose()
    {
        Clear();
        _expiring.Dispose();
    }

    private async Task ExpireAsync(string clientId)
    {
        lock (_gate)
        {
            _due.Add(clientId);
        }

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
            bool stillDue;
            lock (_gate)
            {
                stillDue = _due.Remove(clientId);
            }

            if (stillDue && _expire is { } expire)
            {
                await expire(clientId);
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
}
