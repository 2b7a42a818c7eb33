namespace SmartOverhalla.Gateway.Broker.Mqtt5;

/// <summary>
/// At most one one-shot timer per client id, with a value it hands to <c>due</c> when it fires. A delay longer than a
/// timer can wait (about 49 days; a session may be kept for years) is waited out in steps. Thread-safe; <c>due</c> is
/// called outside the lock.
/// </summary>
internal sealed class ClientTimers<T>(TimeProvider timeProvider, Action<string, T> due) : IDisposable
    where T : class
{
    /// <summary>Longest single timer.</summary>
    private static readonly TimeSpan MaxStep = TimeSpan.FromDays(30);

    private readonly Lock _gate = new();
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _entries.Count;
            }
        }
    }

    /// <summary>Sets the client's timer, replacing one it had; <see cref="TimeSpan.MaxValue"/> never fires.</summary>
    public void Set(string clientId, TimeSpan delay, T value)
    {
        var entry = new Entry(clientId, value, delay == TimeSpan.MaxValue ? DateTimeOffset.MaxValue : timeProvider.GetUtcNow() + delay);
        lock (_gate)
        {
            if (_entries.Remove(clientId, out var earlier))
            {
                earlier.Timer.Dispose();
            }

            entry.Timer = timeProvider.CreateTimer(_ => Fire(entry), null, Step(delay), Timeout.InfiniteTimeSpan);
            _entries[clientId] = entry;
        }
    }

    /// <summary>Removes the client's timer; returns its value, or null when it had none.</summary>
    public T? Cancel(string clientId)
    {
        lock (_gate)
        {
            if (!_entries.Remove(clientId, out var entry))
            {
                return null;
            }

            entry.Timer.Dispose();
            return entry.Value;
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            foreach (var entry in _entries.Values)
            {
                entry.Timer.Dispose();
            }

            _entries.Clear();
        }
    }

    public void Dispose() => Clear();

    private void Fire(Entry entry)
    {
        lock (_gate)
        {
            if (!_entries.TryGetValue(entry.ClientId, out var current) || !ReferenceEquals(current, entry))
            {
                return;
            }

            entry.Timer.Dispose();
            var left = entry.Due - timeProvider.GetUtcNow();
            if (left > TimeSpan.Zero)
            {
                entry.Timer = timeProvider.CreateTimer(_ => Fire(entry), null, Step(left), Timeout.InfiniteTimeSpan);
                return;
            }

            _entries.Remove(entry.ClientId);
        }

        due(entry.ClientId, entry.Value);
    }

    private static TimeSpan Step(TimeSpan left) => left < MaxStep ? left : MaxStep;

    private sealed class Entry(string clientId, T value, DateTimeOffset due)
    {
        public string ClientId { get; } = clientId;

        public T Value { get; } = value;

        public DateTimeOffset Due { get; } = due;

        public ITimer Timer { get; set; } = null!;
    }
}
