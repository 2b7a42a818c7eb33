namespace SmartOverhalla.Gateway.Alerts;

/// <summary>
/// The alerts the gateway knows: open ones, one per <see cref="AlertKey"/> (a device that repeats its
/// <c>lampFailure</c>, or a light found silent again, does not raise a second), and cleared ones kept for
/// <see cref="ClearedRetention"/> so operators see what happened overnight. Pure logic under one lock: the caller
/// passes the times, so tests need no clock.
/// </summary>
internal sealed class AlertLedger
{
    /// <summary>Cleared alerts kept at most, whatever the retention: bounds memory and the API's answer.</summary>
    public const int MaxCleared = 10_000;

    /// <summary>
    /// A clear at the very instant of its raise is moved this much later: the cleared point in InfluxDB would
    /// otherwise have the raised point's series and timestamp, and overwrite it.
    /// </summary>
    private static readonly TimeSpan SameInstantNudge = TimeSpan.FromMilliseconds(1);

    private readonly Lock _gate = new();
    private readonly Dictionary<AlertKey, Alert> _open = [];
    private readonly Queue<Alert> _cleared = new();
    private readonly Dictionary<AlertKey, DateTimeOffset> _lastCleared = [];
    private long _version;

    public AlertLedger(TimeSpan clearedRetention, IEnumerable<Alert>? restored = null)
    {
        ClearedRetention = clearedRetention;
        foreach (var alert in (restored ?? []).OrderBy(a => a.ClearedAt ?? a.RaisedAt))
        {
            if (alert.Active)
            {
                _open.TryAdd(alert.Key, alert);
            }
            else
            {
                RememberCleared(alert);
            }
        }
    }

    public TimeSpan ClearedRetention { get; }

    /// <summary>Grows with every change; the state file is saved when it moved.</summary>
    public long Version => Interlocked.Read(ref _version);

    public int OpenCount
    {
        get
        {
            lock (_gate)
            {
                return _open.Count;
            }
        }
    }

    /// <summary>
    /// Opens an alert, or returns null when one is open for the same device and type, or when <paramref name="at"/>
    /// is not after that key's last clear (a QoS 1 re-delivery of the event that was since recovered from).
    /// </summary>
    public Alert? Raise(AlertKey key, DateTimeOffset at, AlertSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        lock (_gate)
        {
            if (_open.ContainsKey(key) || (_lastCleared.TryGetValue(key, out var cleared) && at <= cleared))
            {
                return null;
            }

            var raisedAt = at.ToUniversalTime();
            var alert = new Alert(
                Guid.CreateVersion7(raisedAt),
                key.Municipality,
                key.Kind,
                key.Device,
                key.Type,
                AlertCatalogue.Severity(key.Type),
                AlertCatalogue.Message(key.Type),
                raisedAt,
                source);
            _open[key] = alert;
            _version++;
            return alert;
        }
    }

    /// <summary>
    /// Clears the open alert of <paramref name="key"/> and returns it cleared; null when none is open, or when
    /// <paramref name="at"/> is before its raise (a late re-delivery of an older <c>recovered</c>).
    /// </summary>
    public Alert? Clear(AlertKey key, DateTimeOffset at, string clearedBy)
    {
        lock (_gate)
        {
            if (!_open.TryGetValue(key, out var open) || at < open.RaisedAt)
            {
                return null;
            }

            _open.Remove(key);
            var clearedAt = at > open.RaisedAt ? at.ToUniversalTime() : open.RaisedAt + SameInstantNudge;
            var cleared = open with { ClearedAt = clearedAt, ClearedBy = clearedBy, ClearedMessage = AlertCatalogue.ClearedMessage(key.Type) };
            RememberCleared(cleared);
            _version++;
            return cleared;
        }
    }

    /// <summary>Alerts matching <paramref name="filter"/>: open ones first, then newest raised first.</summary>
    public IReadOnlyList<Alert> Query(AlertFilter filter, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(filter);
        lock (_gate)
        {
            Prune(now);
            return [.. _open.Values.Concat(_cleared)
                .Where(filter.Matches)
                .OrderByDescending(a => a.Active)
                .ThenByDescending(a => a.RaisedAt)
                .ThenBy(a => a.Device, StringComparer.Ordinal)];
        }
    }

    /// <summary>Every alert worth keeping across a restart: open ones, and cleared ones within the retention.</summary>
    public IReadOnlyList<Alert> Snapshot(DateTimeOffset now)
    {
        lock (_gate)
        {
            Prune(now);
            return [.. _open.Values, .. _cleared];
        }
    }

    private void RememberCleared(Alert cleared)
    {
        _cleared.Enqueue(cleared);
        var at = cleared.ClearedAt!.Value;
        if (!_lastCleared.TryGetValue(cleared.Key, out var last) || at > last)
        {
            _lastCleared[cleared.Key] = at;
        }

        while (_cleared.Count > MaxCleared)
        {
            _cleared.Dequeue();
        }
    }

    /// <summary>Drops cleared alerts past the retention (they are in InfluxDB for history). Oldest clears come first.</summary>
    private void Prune(DateTimeOffset now)
    {
        while (_cleared.TryPeek(out var oldest) && oldest.ClearedAt < now - ClearedRetention)
        {
            _cleared.Dequeue();
        }
    }
}
