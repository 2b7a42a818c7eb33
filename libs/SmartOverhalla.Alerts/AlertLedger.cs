namespace SmartOverhalla.Alerts;

/// <summary>
/// The platform's one ledger of alerts: open ones, one per <see cref="AlertKey"/> (a device that repeats its
/// <c>lampFailure</c>, a light found silent again, a leak reported again at every run of its job, does not raise a second),
/// and cleared ones kept for <see cref="ClearedRetention"/> so operators see what happened overnight. Severity and texts
/// come from the <see cref="AlertCatalogue"/>. Pure logic under one lock: the caller passes the times, so tests need no clock.
/// </summary>
public sealed class AlertLedger
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

    private readonly AlertCatalogue _catalogue;

    public AlertLedger(AlertCatalogue catalogue, TimeSpan clearedRetention, IEnumerable<Alert>? restored = null)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        _catalogue = catalogue;
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

    /// <summary>Keys whose last clear the ledger still remembers (for tests: memory follows the retention).</summary>
    internal int RememberedClears
    {
        get
        {
            lock (_gate)
            {
                return _lastCleared.Count;
            }
        }
    }

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
    /// <exception cref="ArgumentException">The catalogue has no such kind and type.</exception>
    public Alert? Raise(AlertKey key, DateTimeOffset at, AlertSource source, IReadOnlyDictionary<string, double>? values = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        var definition = _catalogue.Get(key.Kind, key.Type);
        lock (_gate)
        {
            if (_open.ContainsKey(key) || (_lastCleared.TryGetValue(key, out var cleared) && at <= cleared))
            {
                return null;
            }

            var raisedAt = at.ToUniversalTime();
            var alert = new Alert(
                Guid.CreateVersion7(raisedAt),
                definition.Domain,
                key.Municipality,
                key.Kind,
                key.Device,
                key.Type,
                definition.Severity,
                definition.Message,
                raisedAt,
                source,
                values is { Count: > 0 } ? new SortedDictionary<string, double>(values.ToDictionary(), StringComparer.Ordinal) : null);
            _open[key] = alert;
            _version++;
            return alert;
        }
    }

    /// <summary>
    /// Sets new <paramref name="values"/> on the open alert of <paramref name="key"/> (a leak's litres lost so far) and
    /// returns it; null when none is open, when <paramref name="at"/> is not after its raise or last update, or when the
    /// values are the same (a job that reports the same figures at every run changes nothing).
    /// </summary>
    public Alert? Update(AlertKey key, DateTimeOffset at, IReadOnlyDictionary<string, double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        lock (_gate)
        {
            if (!_open.TryGetValue(key, out var open) || at <= (open.UpdatedAt ?? open.RaisedAt) || SameValues(open.Values, values))
            {
                return null;
            }

            var updated = open with
            {
                Values = new SortedDictionary<string, double>(values.ToDictionary(), StringComparer.Ordinal),
                UpdatedAt = at.ToUniversalTime(),
            };
            _open[key] = updated;
            _version++;
            return updated;
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
            var message = _catalogue.TryGet(key.Kind, key.Type, out var definition) ? definition.ClearedMessage : open.Message;
            var cleared = open with { ClearedAt = clearedAt, ClearedBy = clearedBy, ClearedMessage = message };
            RememberCleared(cleared);
            _version++;
            return cleared;
        }
    }

    /// <summary>The open alert of <paramref name="key"/>, if any (a lookup, not a query over every alert).</summary>
    public Alert? Open(AlertKey key)
    {
        lock (_gate)
        {
            return _open.GetValueOrDefault(key);
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

    private static bool SameValues(IReadOnlyDictionary<string, double>? current, IReadOnlyDictionary<string, double> next) =>
        (current?.Count ?? 0) == next.Count && next.All(v => current!.TryGetValue(v.Key, out var value) && value.Equals(v.Value));

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

    /// <summary>
    /// Drops cleared alerts past the retention (they are in InfluxDB for history), oldest clears first, and forgets the
    /// last clear of keys cleared before it, so memory follows the retention, not every device that ever had an alert.
    /// </summary>
    private void Prune(DateTimeOffset now)
    {
        var horizon = now - ClearedRetention;
        while (_cleared.TryPeek(out var oldest) && oldest.ClearedAt < horizon)
        {
            _cleared.Dequeue();
        }

        if (_lastCleared.Count > _cleared.Count)
        {
            foreach (var key in _lastCleared.Where(c => c.Value < horizon).Select(c => c.Key).ToList())
            {
                _lastCleared.Remove(key);
            }
        }
    }
}
